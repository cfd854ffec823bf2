// A page of threat actors by name, optionally sponsored by a state or matching a name fragment.
// Parameters: $sponsorId, $nameContains (a name key fragment), $afterKey, $afterId (cursor), $limit.
// Returns: totalCount (all matches), page (up to $limit entities after the cursor).
// Filtered by sponsor, it starts from the sponsor (its SPONSORED_BY relationships) rather than
// testing every actor; the branch that does not apply finds no row at once.
CALL () {
  MATCH (:Entity {id: $sponsorId})<-[:SPONSORED_BY]-(n:ThreatActor)
  RETURN n
  UNION
  WITH 1 AS unfiltered
  WHERE $sponsorId IS NULL
  MATCH (n:ThreatActor)
  RETURN n
}
WITH n
WHERE ($nameContains IS NULL
    OR n.nameKey CONTAINS $nameContains
    OR EXISTS { (n)-[:KNOWN_AS]->(a:Alias) WHERE a.nameKey CONTAINS $nameContains })
WITH collect(n) AS matches
CALL (matches) {
  UNWIND matches AS n
  WITH n
  WHERE $afterKey IS NULL OR n.nameKey > $afterKey OR (n.nameKey = $afterKey AND n.id > $afterId)
  ORDER BY n.nameKey, n.id
  LIMIT $limit
  RETURN collect(n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
    .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn,
    .startedPrecision, .disclosedOn, .disclosedPrecision, .types, .occurredOn,
    .occurredPrecision, .confidence, .confidenceText, .basis, .titleIsDescriptive, .publisher,
    .url, .publishedOn, .publishedPrecision, .sourceType}) AS page
}
RETURN size(matches) AS totalCount, page

// A page of organisations by name, optionally of one type or with a given member.
// Parameters: $orgType, $hasMemberId, $afterKey, $afterId (cursor), $limit.
// Returns: totalCount, page.
MATCH (n:Organization)
WHERE ($orgType IS NULL OR n.orgType = $orgType)
  AND ($hasMemberId IS NULL OR EXISTS { (n)<-[:MEMBER_OF]-(:Entity {id: $hasMemberId}) })
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

// A page of entities of one kind, by name (states, persons, sources).
// Parameters: $kind (from the vocabulary's allow-list), $afterKey, $afterId (cursor), $limit.
// Returns: totalCount, page.
MATCH (n:Entity)
WHERE n.kind = $kind
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

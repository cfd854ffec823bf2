// A page of campaigns by name, filtered by target, perpetrator and start date.
// A campaign's start is a partial date: it matches a range when its period overlaps the range.
// Parameters: $targetId, $perpetratorId, $startedFrom, $startedTo (dates or null), $afterKey, $afterId, $limit.
// Returns: totalCount, page.
MATCH (n:Campaign)
WHERE ($targetId IS NULL OR EXISTS { (n)-[:TARGETS]->(:Entity {id: $targetId}) })
  AND ($perpetratorId IS NULL
    OR EXISTS { (n)-[:CONDUCTED_BY|ATTRIBUTED_TO]->(:Entity {id: $perpetratorId}) })
  AND ($startedFrom IS NULL OR n.startedEnd >= $startedFrom)
  AND ($startedTo IS NULL OR n.startedOn <= $startedTo)
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

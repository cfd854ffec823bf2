// Relationships of many entities at once (the batch behind every typed relationship field), of the
// given types (null: all) and direction, at most $limit per entity.
// Parameters: $ids, $types (list or null), $direction (OUT | IN | BOTH), $limit.
// Returns: id, type, direction (seen from id), props (the relationship properties the API reads),
//   node (the other entity; both projections as in src/read/projection.ts).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
  RETURN r, m
  ORDER BY type(r), m.name, m.id
  LIMIT $limit
}
RETURN id,
  type(r) AS type,
  CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction,
  r {.key, .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes,
    .knownSince, .basis, .reportedBy} AS props,
  m {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} AS node

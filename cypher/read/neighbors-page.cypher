// A page of the distinct entities related to many entities at once (the batch behind the paged
// response lists), newest first (by occurredOn), then by name and id.
// Parameters: $ids, $types (relationship types), $direction (OUT | IN | BOTH), $kinds (or null),
//   $from, $to (the window of positions between the cursors; $to null: the end), $limit,
//   $backward (the last $limit of the window instead of the first).
// Returns: id, total (entities in the whole list), page (entities).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
    AND ($kinds IS NULL OR m.kind IN $kinds)
  WITH DISTINCT m
  ORDER BY m.occurredOn DESC, m.name, m.id
  RETURN collect(m) AS found
}
WITH id, found, found[$from..coalesce($to, size(found))] AS window
RETURN id,
  size(found) AS total,
  [m IN CASE WHEN $backward THEN window[-$limit..] ELSE window[..$limit] END | m {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom}] AS page

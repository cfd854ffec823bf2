// Entities whose name or any alias has this name key (src/model/names.ts: case, spaces and
// punctuation ignored), optionally of some kinds.
// Parameters: $key (name key), $kinds (list of kinds or null), $limit, $summary (true: entities
//   carry only id, kind and name, and description and knownSince when $describe and $dated say
//   they are asked).
// Returns: entity, one row per distinct entity, by name.
CALL () {
  MATCH (n:Entity {nameKey: $key})
  RETURN n
  UNION
  MATCH (:Alias {nameKey: $key})<-[:KNOWN_AS]-(n:Entity)
  RETURN n
}
WITH DISTINCT n
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN CASE WHEN $summary THEN n {.id, .kind, .name, description: CASE WHEN $describe THEN n.description END,
      knownSince: CASE WHEN $dated THEN n.knownSince END}
    ELSE n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS entity
ORDER BY n.name, n.id
LIMIT $limit

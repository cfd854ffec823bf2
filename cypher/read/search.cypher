// Ranked full-text search over names, aliases and descriptions (the entity_search index).
// Parameters: $query (Lucene syntax, built and escaped by src/graphql/search.ts), $kinds (or null), $limit,
//   $summary (true: entities carry only id, kind and name, and description and knownSince when
//   $describe and $dated say they are asked: a list of hits does not carry every description).
// Returns: entity, score, best first.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit * 10})
YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN CASE WHEN $summary THEN node {.id, .kind, .name, description: CASE WHEN $describe THEN node.description END,
      knownSince: CASE WHEN $dated THEN node.knownSince END}
    ELSE node {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS entity, score
ORDER BY score DESC, node.name
LIMIT $limit

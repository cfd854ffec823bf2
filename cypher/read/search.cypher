// Ranked full-text search over names, aliases and descriptions (the entity_search index).
// Parameters: $query (Lucene syntax, built and escaped by src/graphql/search.ts), $kinds (or null), $limit.
// Returns: entity, score, best first.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit * 10})
YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node {.*} AS entity, score
ORDER BY score DESC, node.name
LIMIT $limit

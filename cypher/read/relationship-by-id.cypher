// One relationship by its parts (a GraphEdge id is TYPE:source->target#key): node(id:) for relationships.
// Parameters: $type (from the vocabulary's allow-list), $source, $target (entity ids), $key (null for a relationship without one; stored as "").
// Returns: type, source, target, key, props; no row when there is no such relationship.
MATCH (a:Entity {id: $source})-[r]->(b:Entity {id: $target})
WHERE type(r) = $type AND coalesce(r.key, '') = coalesce($key, '')
RETURN type(r) AS type, a.id AS source, b.id AS target, r.key AS key,
  r {.key, .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes,
    .knownSince, .basis, .reportedBy} AS props
LIMIT 1

// One relationship as the API shows a link (the shape of cypher/read/links.cypher), found by its
// identity right after the link mutation wrote it: the answer then depends on no list limit or cache.
// Parameters: $from, $to, $type, $key.
// Returns: type, direction, props (relationship properties), node (the entity at its end).
MATCH (n:Entity {id: $from})-[r]->(m:Entity {id: $to})
WHERE type(r) = $type AND r.key = $key
RETURN type(r) AS type, 'OUT' AS direction, properties(r) AS props, m {.*} AS node

// The relationships that start at the given entities and end at an entity, with all their
// properties; the exporter keeps those whose end is exported too.
// Parameters: $ids (list of entity ids).
// Returns: type, from, to, props (every property of the relationship).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props

// The relationships that end at the given entities and start at an entity, with all their
// properties; a paged export keeps those whose start was exported on an earlier page.
// Parameters: $ids (list of entity ids).
// Returns: type, from, to, props (every property of the relationship).
UNWIND $ids AS id
MATCH (a:Entity)-[r]->(b:Entity {id: id})
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props

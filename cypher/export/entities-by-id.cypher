// The entities to export, with all their stored properties.
// Parameters: $ids (list of entity ids).
// Returns: id, kind, props (every property of the node).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, properties(n) AS props

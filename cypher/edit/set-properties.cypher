// Sets properties of an entity (a merge's union of citations and identifiers).
// Parameters: $id, $props.
// Returns: entity.
MATCH (n:Entity {id: $id})
SET n += $props, n.updatedAt = datetime()
RETURN n {.*} AS entity

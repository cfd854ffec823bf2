// Puts an entity back exactly as a snapshot had it (undoing a merge). Labels come from the allow-list.
// Parameters: $id, $labels, $props.
// Returns: entity.
MERGE (n:Entity {id: $id})
SET n = $props
SET n:$($labels)
RETURN n {.*} AS entity

// Entities by id, for node(id) and for resolving references in batches (one query per request level).
// Parameters: $ids (list of ids).
// Returns: entity (all properties), one row per id found.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS entity

// Every entity id, for exporting the whole graph.
// Parameters: none.
// Returns: id.
MATCH (n:Entity)
RETURN n.id AS id
ORDER BY id

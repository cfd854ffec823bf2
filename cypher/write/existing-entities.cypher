// Which of the given ids the graph already holds, with their kind (and a source's publication date).
// Parameters: $ids (list of entity ids).
// Returns: id, kind, publishedOn.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, n.publishedOn AS publishedOn

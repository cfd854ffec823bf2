// How many entities and relationships cite a source: a source still cited must not be deleted.
// Parameters: $id (source id).
// Returns: nodes, relationships.
CALL () {
  MATCH (n:Entity)
  WHERE $id IN n.citeSources
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WHERE $id IN r.citeSources
  RETURN count(r) AS relationships
}
RETURN nodes, relationships

// Puts back what cypher/edit/rewrite-references.cypher changed (undoing a merge): the recorded values
// of the entities' and relationships' reference properties.
// Parameters: $entities (list of {id, props}), $relationships (list of {elementId, props}).
// Returns: entities, relationships (how many were restored).
CALL () {
  UNWIND $entities AS row
  MATCH (n:Entity {id: row.id})
  SET n += row.props
  RETURN count(n) AS entities
}
CALL () {
  UNWIND $relationships AS row
  MATCH ()-[r]->()
  WHERE elementId(r) = row.elementId
  SET r += row.props
  RETURN count(r) AS relationships
}
RETURN entities, relationships

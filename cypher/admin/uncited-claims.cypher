// Entities (other than sources) and relationships that cite no source: the model allows none.
// Returns: uncitedNodes, uncitedRelationships.
CALL () {
  MATCH (n:Entity)
  WHERE NOT n:Source AND size(coalesce(n.citeSources, [])) = 0
  RETURN count(n) AS uncitedNodes
}
CALL () {
  MATCH (:Entity)-[r]->()
  WHERE size(coalesce(r.citeSources, [])) = 0
  RETURN count(r) AS uncitedRelationships
}
RETURN uncitedNodes, uncitedRelationships

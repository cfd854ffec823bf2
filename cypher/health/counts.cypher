// Size of the graph; both counts come from the count store, so this is cheap on any graph.
// Returns: nodeCount, relationshipCount.
CALL () {
  MATCH (n)
  RETURN count(n) AS nodeCount
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationshipCount
}
RETURN nodeCount, relationshipCount

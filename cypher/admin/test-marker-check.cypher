// Whether the database holds data, and whether the test suite marked it as its own scratch database.
// Returns: nodeCount, marked.
CALL () {
  MATCH (n)
  RETURN count(n) AS nodeCount
}
OPTIONAL MATCH (marker:AttributionGraphTestDatabase)
RETURN nodeCount, marker IS NOT NULL AS marked

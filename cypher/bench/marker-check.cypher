// Benchmark only: whether the database holds data, and the dataset marker the benchmark leaves
// when it has loaded its dataset (so that --reuse can skip loading, and a database the benchmark
// did not fill is never cleared).
// Returns: nodeCount, marker (map or null).
CALL () {
  MATCH (n)
  RETURN count(n) AS nodeCount
}
OPTIONAL MATCH (m:AttributionGraphBenchDatabase)
RETURN nodeCount, m {.*} AS marker

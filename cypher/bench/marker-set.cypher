// Benchmark only: marks the database as the benchmark's own, with what its dataset holds.
// Parameters: $state ('loading' or 'ready'), $dataset (a JSON string describing the dataset).
MERGE (m:AttributionGraphBenchDatabase {id: 'attribution-graph-bench-database'})
SET m.state = $state, m.dataset = $dataset, m.updatedAt = datetime()

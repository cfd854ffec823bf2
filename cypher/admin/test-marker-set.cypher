// Marks the database as the test suite's scratch database, which it may clear at the next run.
MERGE (:AttributionGraphTestDatabase {id: 'attribution-graph-test-database'})

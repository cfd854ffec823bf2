// Deletes every node and relationship but the markers that say whose scratch database this is (the
// test suite's, the benchmark's), in batches so that any size fits in memory. Keeping the markers
// lets a later run recognise the database as its own after a test file or the benchmark cleared it.
// Used by the test suite and the benchmark on their scratch databases; never by the API.
MATCH (n)
WHERE NOT n:AttributionGraphTestDatabase AND NOT n:AttributionGraphBenchDatabase
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS

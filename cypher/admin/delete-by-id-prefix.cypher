// Deletes the entities whose id starts with a prefix (a load test's or a generator's own), in batches.
// Parameters: $prefix.
MATCH (n:Entity)
WHERE n.id STARTS WITH $prefix
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS

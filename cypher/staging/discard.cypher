// Deletes what an import run staged and did not switch in (it failed, or the graph changed before its
// last transaction), and what runs that never finished (the process was killed) left more than a day
// ago, in batches so that any size fits in memory. Run as an auto-commit statement.
// Parameters: $run (the import run's id).
// Returns: nothing.
MATCH (n:StagedEntity)
WHERE n.stagedBy = $run OR n.stagedAt < datetime() - duration({hours: 24})
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 2000 ROWS

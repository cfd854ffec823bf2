// Marks the entries one mutation wrote as undone (a merge that was taken back). Entries written
// before mutationId had its name carry it as changeSetId.
// Parameters: $mutationId.
// Returns: count.
MATCH (c:Change)
WHERE c.mutationId = $mutationId OR c.changeSetId = $mutationId
SET c.undoneAt = datetime()
RETURN count(c) AS count

// Marks the entries of a change set as undone (a merge that was taken back).
// Parameters: $changeSetId.
// Returns: count.
MATCH (c:Change {changeSetId: $changeSetId})
SET c.undoneAt = datetime()
RETURN count(c) AS count

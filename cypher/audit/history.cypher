// An entity's changes, newest first.
// Parameters: $id, $limit.
// Returns: change (properties, times as ISO strings; entries written before mutationId had its name
// carry it as changeSetId).
MATCH (c:Change {entityId: $id})
RETURN c {.*, mutationId: coalesce(c.mutationId, c.changeSetId), at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change
ORDER BY c.at DESC
LIMIT $limit

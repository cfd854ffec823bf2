// An entity's changes, newest first.
// Parameters: $id, $limit.
// Returns: change (properties, times as ISO strings).
MATCH (c:Change {entityId: $id})
RETURN c {.*, at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change
ORDER BY c.at DESC
LIMIT $limit

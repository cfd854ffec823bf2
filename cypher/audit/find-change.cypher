// One audit entry by id.
// Parameters: $id.
// Returns: change (entries written before mutationId had its name carry it as changeSetId).
MATCH (c:Change {id: $id})
RETURN c {.*, mutationId: coalesce(c.mutationId, c.changeSetId), at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change

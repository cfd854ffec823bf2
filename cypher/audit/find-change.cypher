// One audit entry by id.
// Parameters: $id.
// Returns: change.
MATCH (c:Change {id: $id})
RETURN c {.*, at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change

// An entity's changes after a point in time (the later writes an undo would lose), oldest first.
// Parameters: $id, $since (ISO 8601 date and time).
// Returns: change.
MATCH (c:Change {entityId: $id})
WHERE c.at > datetime($since)
RETURN c {.id, .operation, .actorName, at: toString(c.at)} AS change
ORDER BY c.at

// Appends entries to the audit trail: one Change node per entity a mutation changed.
// Parameters: $changes (list of {id, mutationId, entityId, operation, actorKeyId, actorName, reason, before, after}).
// Returns: id.
UNWIND $changes AS change
CREATE (c:Change)
SET c = change, c.at = datetime()
RETURN c.id AS id

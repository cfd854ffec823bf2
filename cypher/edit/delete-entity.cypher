// Deletes an entity and its relationships (the caller has put a snapshot in the audit trail first).
// Parameters: $id.
// Returns: deleted (1 or 0).
MATCH (n:Entity {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted

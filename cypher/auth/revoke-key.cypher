// Revokes an API key; it stays listed, with the time it was revoked.
// Parameters: $id.
// Returns: id, revokedAt (empty when there is no such key).
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k.id AS id, toString(k.revokedAt) AS revokedAt

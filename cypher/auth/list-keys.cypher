// Every API key, revoked ones included, without hashes.
// Returns: id, name, role, createdAt, revokedAt.
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt
ORDER BY k.createdAt

// Stores a new API key: only the SHA-256 hash of its secret, never the secret.
// Parameters: $id, $name, $role, $hash.
// Returns: id, name, role, createdAt.
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime()})
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt

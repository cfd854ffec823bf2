// The key a client presents, by the id embedded in it, unless revoked.
// Parameters: $id.
// Returns: id, name, role, hash.
MATCH (k:ApiKey {id: $id})
WHERE k.revokedAt IS NULL
RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash

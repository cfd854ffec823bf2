// Content hashes of the relationships that start at the given entities, so that a changeset's
// unchanged relationships need no write.
// Parameters: $ids (list of entity ids: the start of the changeset's relationships).
// Returns: type, from, to, key, contentHash; one row per relationship that has a hash.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE r.contentHash IS NOT NULL
RETURN type(r) AS type, a.id AS from, b.id AS to, r.key AS key, r.contentHash AS contentHash

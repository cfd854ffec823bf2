// The relationships that start at the given entities, with their content hashes, so that a
// changeset's new relationships are created outright and its unchanged ones need no write.
// Parameters: $ids (list of entity ids: the start of the changeset's relationships).
// Returns: type, from, to, key, contentHash (null for one written outside the changeset path), and
// for imported statements the version (modified) and the sources cited.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
USING INDEX a:Entity(id)
RETURN type(r) AS type, a.id AS from, b.id AS to, r.key AS key, r.contentHash AS contentHash,
  r.modified AS modified, coalesce(r.citeSources, []) AS citeSources

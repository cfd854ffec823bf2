// The relationships that start at the given entities, with their content hashes, so that a
// changeset's new relationships are created outright and its unchanged ones need no write.
// One row per entity with its relationships as lists, not one row per relationship: an import's
// entities start 20,000 relationships, and rows of named columns cost the database and the driver
// about twice as much to produce and read.
// Parameters: $ids (list of entity ids: the start of the changeset's relationships).
// Returns: from (the entity id), rels (a list of [type, to, key, contentHash, modified, citeSources]:
// contentHash null for one written outside the changeset path; for imported statements the version
// (modified) and the sources cited).
UNWIND $ids AS id
MATCH (a:Entity {id: id})
RETURN a.id AS from,
  [(a)-[r]->(b:Entity) | [type(r), b.id, r.key, r.contentHash, r.modified, coalesce(r.citeSources, [])]] AS rels

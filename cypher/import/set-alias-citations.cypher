// Sets which sources cite a name an entity is known by (a KNOWN_AS of that name and giver), after a
// split moved some of them to another actor (src/ingest/reconcileActors.ts); a name left citing no
// source is removed from the entity.
// Parameters: $rows (list of {entityId, name, givenBy, citeSources, citeQuotes}).
// Returns: count.
UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
USING INDEX n:Entity(id)
MATCH (n)-[k:KNOWN_AS]->(:Alias)
WHERE k.name = row.name AND coalesce(k.givenBy, '') = row.givenBy
CALL (k, row) {
  WITH k, row
  WHERE size(row.citeSources) = 0
  DELETE k
}
CALL (k, row) {
  WITH k, row
  WHERE size(row.citeSources) > 0
  SET k.citeSources = row.citeSources, k.citeQuotes = row.citeQuotes
}
RETURN count(*) AS count

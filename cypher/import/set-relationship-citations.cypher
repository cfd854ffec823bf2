// Sets which sources a relationship cites, after a split moved some of them to another actor
// (src/ingest/reconcileActors.ts); a relationship left citing no source is deleted. The
// relationship is the one of that type and key between the two entities.
// Parameters: $rows (list of {from, to, type, key, citeSources, citeQuotes}).
// Returns: count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX b:Entity(id)
MATCH (a)-[r]->(b)
WHERE type(r) = row.type AND coalesce(r.key, '') = row.key
CALL (r, row) {
  WITH r, row
  WHERE size(row.citeSources) = 0
  DELETE r
}
CALL (r, row) {
  WITH r, row
  WHERE size(row.citeSources) > 0
  SET r.citeSources = row.citeSources, r.citeQuotes = row.citeQuotes, r.updatedAt = datetime()
}
RETURN count(*) AS count

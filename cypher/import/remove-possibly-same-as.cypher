// Removes POSSIBLY_SAME_AS that resolution no longer derives from the statements (two actors since
// joined, or no longer sharing a name) or derives differently (src/ingest/reconcileActors.ts).
// Parameters: $rows (list of {from, to, key}).
// Returns: count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX b:Entity(id)
MATCH (a)-[r:POSSIBLY_SAME_AS]->(b)
WHERE coalesce(r.key, '') = row.key
DELETE r
RETURN count(*) AS count

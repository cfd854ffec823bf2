// Creates relationships the graph does not have yet (apply.ts checked that with
// write/existing-relationship-hashes), so no per-row lookup of an existing one is needed: on a first
// import, planned on an empty graph, such a lookup was planned as a scan of every relationship.
// The type comes from src/model/vocabulary.ts's allow-list; endpoints were checked to exist.
// Parameters: $rows (list of {from, to, type, key, contentHash, props}).
// Returns: type, outcome (always created), count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX b:Entity(id)
CREATE (a)-[r:$(row.type)]->(b)
SET r += row.props
SET r.key = row.key, r.contentHash = row.contentHash, r.createdAt = datetime(), r.updatedAt = datetime()
RETURN row.type AS type, 'created' AS outcome, count(*) AS count

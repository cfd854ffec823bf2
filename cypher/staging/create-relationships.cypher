// Creates, between entities one import run staged (cypher/write/create-stated-entities.cypher with
// $stagedBy), the relationships that file states between them: written in batches of their own
// transactions before the switch, they become visible with their ends (staging/switch-entities).
// The type comes from src/model/vocabulary.ts's allow-list.
// Parameters: $run (the import run's id), $rows (list of {from, to, type, key, contentHash, props}).
// Returns: count.
UNWIND $rows AS row
MATCH (a:StagedEntity {id: row.from})
USING INDEX a:StagedEntity(id)
WHERE a.stagedBy = $run
MATCH (b:StagedEntity {id: row.to})
USING INDEX b:StagedEntity(id)
WHERE b.stagedBy = $run
CREATE (a)-[r:$(row.type)]->(b)
SET r += row.props
SET r.key = row.key, r.contentHash = row.contentHash, r.createdAt = datetime(), r.updatedAt = datetime()
RETURN count(r) AS count

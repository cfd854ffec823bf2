// Creates or updates relationships identified by (start, type, end, key). The type comes from
// src/model/vocabulary.ts's allow-list; endpoints were checked to exist before this runs.
// Parameters: $rows (list of {from, to, type, key, contentHash, props}).
// Returns: type, outcome (created | updated | unchanged), count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
ON CREATE SET r.createdAt = datetime(), r.created_ = true
WITH r, row,
  CASE
    WHEN r.created_ THEN 'created'
    WHEN r.contentHash = row.contentHash THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
REMOVE r.created_
WITH r, row, outcome
CALL (r, row, outcome) {
  WITH r, row, outcome
  WHERE outcome <> 'unchanged'
  SET r += row.props
  SET r.contentHash = row.contentHash, r.updatedAt = datetime()
}
RETURN row.type AS type, outcome, count(*) AS count

// Updates relationships identified by (start, type, end, key) whose content changed, or creates them. The type comes from
// src/model/vocabulary.ts's allow-list; endpoints were checked to exist before this runs.
// The existing relationship is found with a pattern comprehension, which always expands from the
// bound endpoints: a MERGE or OPTIONAL MATCH planned on an empty graph (a first import) scanned every
// relationship for each row instead, which made the import quadratic. The index hints keep the
// endpoint lookups seeks for the same reason.
// Parameters: $rows (list of {from, to, type, key, contentHash, props}).
// Returns: type, outcome (created | updated | unchanged), count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX b:Entity(id)
WITH a, b, row, head([(a)-[found]->(b) WHERE type(found) = row.type AND found.key = row.key | found]) AS existing
WITH a, b, row, existing,
  CASE
    WHEN existing IS NULL THEN 'created'
    WHEN existing.contentHash = row.contentHash THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (a, b, row, outcome) {
  WITH a, b, row, outcome
  WHERE outcome = 'created'
  CREATE (a)-[r:$(row.type)]->(b)
  SET r += row.props
  SET r.key = row.key, r.contentHash = row.contentHash, r.createdAt = datetime(), r.updatedAt = datetime()
}
CALL (existing, row, outcome) {
  WITH existing, row, outcome
  WHERE outcome = 'updated'
  SET existing += row.props
  SET existing.contentHash = row.contentHash, existing.updatedAt = datetime()
}
RETURN row.type AS type, outcome, count(*) AS count

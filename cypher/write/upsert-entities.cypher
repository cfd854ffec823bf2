// Creates or updates entities by id. The kind label comes from src/model/vocabulary.ts's allow-list.
// An entity whose content hash is unchanged is not touched, so re-applying a changeset changes nothing.
// Parameters: $rows (list of {id, kind, contentHash, props}).
// Returns: id, kind, outcome (created | updated | unchanged), one row per entity.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.createdAt = datetime(), n.created_ = true
WITH n, row,
  CASE
    WHEN n.created_ THEN 'created'
    WHEN n.contentHash = row.contentHash THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
REMOVE n.created_
WITH n, row, outcome
CALL (n, row, outcome) {
  WITH n, row, outcome
  WHERE outcome <> 'unchanged'
  SET n:$(row.kind)
  SET n += row.props
  SET n.kind = row.kind, n.contentHash = row.contentHash, n.updatedAt = datetime()
}
RETURN row.id AS id, row.kind AS kind, outcome

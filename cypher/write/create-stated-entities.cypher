// Creates the entities an import states that the graph does not hold yet (apply.ts checked that with
// write/existing-entities): the same properties write/state-entities gives a new entity, written with
// CREATE instead of a MERGE and list unions, which on a first import of a large file cost most of its
// time. The kind label comes from src/model/vocabulary.ts's allow-list; the id constraint refuses a
// duplicate. With $stagedBy (an import run's id) the entities are staged instead: labelled
// StagedEntity alone, so no read sees them until the run's last transaction switches them in
// (cypher/staging/switch-entities.cypher).
// Parameters: $stagedBy (null, or the import run's id), $rows (list of {id, kind, key, hash, record, props, citeSources, citeQuotes, stixIds,
//   attackIds, mispUuids, externalIds}).
// Returns: id, kind, outcome (always created), one row per statement.
UNWIND $rows AS row
CREATE (n {id: row.id})
SET n:$(CASE WHEN $stagedBy IS NULL THEN ['Entity', row.kind] ELSE ['StagedEntity'] END)
SET n += row.props
SET
  n.kind = row.kind,
  n.contentHash = row.hash,
  n.statementKey = row.key,
  n.mergeKeys = [row.key],
  n.mergeHashes = [row.hash],
  n.mergeRecords = [row.record],
  n.citeSources = row.citeSources,
  n.citeQuotes = row.citeQuotes,
  n.mergedSources = row.citeSources,
  n.stixIds = CASE WHEN size(row.stixIds) = 0 THEN null ELSE row.stixIds END,
  n.attackIds = CASE WHEN size(row.attackIds) = 0 THEN null ELSE row.attackIds END,
  n.mispUuids = CASE WHEN size(row.mispUuids) = 0 THEN null ELSE row.mispUuids END,
  n.mergedExternalIds = CASE WHEN size(row.externalIds) = 0 THEN null ELSE row.externalIds END,
  n.createdAt = datetime(),
  n.updatedAt = datetime(),
  n.stagedBy = $stagedBy,
  n.stagedAt = CASE WHEN $stagedBy IS NULL THEN null ELSE datetime() END
RETURN row.id AS id, row.kind AS kind, 'created' AS outcome

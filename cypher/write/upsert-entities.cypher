// Creates or updates entities by id. The kind label comes from src/model/vocabulary.ts's allow-list.
// An entity whose content hash is unchanged is not touched, so re-applying a changeset changes nothing.
// What other sources merged into an entity (cypher/write/state-entities.cypher) survives its
// owner's rewrite: citations from the sources in n.mergedSources are kept, and the identifier lists
// (stixIds, attackIds, mispUuids) only ever grow.
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
  WITH n, row,
    coalesce(n.citeSources, []) AS oldSources,
    coalesce(n.citeQuotes, []) AS oldQuotes,
    coalesce(n.mergedSources, []) AS merged,
    coalesce(n.stixIds, []) AS oldStixIds,
    coalesce(n.attackIds, []) AS oldAttackIds,
    coalesce(n.mispUuids, []) AS oldMispUuids
  WITH n, row, oldSources, oldQuotes, oldStixIds, oldAttackIds, oldMispUuids,
    [i IN range(0, size(oldSources) - 1) WHERE oldSources[i] IN merged AND NOT oldSources[i] IN row.props.citeSources] AS kept,
    oldStixIds + [x IN coalesce(row.props.stixIds, []) WHERE NOT x IN oldStixIds] AS stixIds,
    oldAttackIds + [x IN coalesce(row.props.attackIds, []) WHERE NOT x IN oldAttackIds] AS attackIds,
    oldMispUuids + [x IN coalesce(row.props.mispUuids, []) WHERE NOT x IN oldMispUuids] AS mispUuids
  SET n:$(row.kind)
  SET n += row.props
  SET
    n.kind = row.kind,
    n.contentHash = row.contentHash,
    n.updatedAt = datetime(),
    n.citeSources = row.props.citeSources + [i IN kept | oldSources[i]],
    n.citeQuotes = row.props.citeQuotes + [i IN kept | oldQuotes[i]],
    n.stixIds = CASE WHEN size(stixIds) = 0 THEN null ELSE stixIds END,
    n.attackIds = CASE WHEN size(attackIds) = 0 THEN null ELSE attackIds END,
    n.mispUuids = CASE WHEN size(mispUuids) = 0 THEN null ELSE mispUuids END
}
RETURN row.id AS id, row.kind AS kind, outcome

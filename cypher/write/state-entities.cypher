// Writes what imported sources state about entities, adding to what is there rather than replacing
// it (docs/import-export.md, "Provenance"). Each statement is kept under its key (<source id>|<the
// id the source gives the object>) with its content hash and record (mergeKeys, mergeHashes,
// mergeRecords, aligned lists), replacing only that key's earlier one; its citations, identifiers
// (stixIds, attackIds, mispUuids, and the external ids merged in, mergedExternalIds) are unioned.
// The entity's own properties are those of one statement (statementKey): a new entity takes the
// first; afterwards an own statement (about the entity's id) replaces it when it is a later version
// (modified), or of the same version with the smaller content hash, so that the same files in any
// order show the same. An entity not created by an import (the seed's, an editor's) keeps its own
// properties: statements about it are records and citations only.
// Parameters: $rows (list of {id, kind, key, hash, record, own, modified, props, citeSources,
//   citeQuotes, stixIds, attackIds, mispUuids, externalIds}).
// Returns: id, kind, outcome (created | updated | unchanged), one row per statement.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.createdAt = datetime(), n.created_ = true
WITH n, row,
  coalesce(n.mergeKeys, []) AS keys,
  coalesce(n.mergeHashes, []) AS hashes,
  coalesce(n.citeSources, []) AS sources
WITH n, row, keys, hashes, sources,
  CASE
    WHEN n.created_ THEN 'created'
    WHEN any(i IN range(0, size(keys) - 1) WHERE keys[i] = row.key AND hashes[i] = row.hash)
      AND all(s IN row.citeSources WHERE s IN sources) THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
REMOVE n.created_
WITH n, row, outcome,
  outcome = 'created' OR (row.own AND n.statementKey IS NOT NULL AND (
    n.statementKey = row.key
    OR coalesce(row.modified, '') > coalesce(n.modified, '')
    OR (coalesce(row.modified, '') = coalesce(n.modified, '') AND row.hash < n.contentHash))) AS shown
CALL (n, row, shown) {
  WITH n, row, shown
  WHERE shown
  SET n:$(row.kind)
  SET n += row.props
  SET n.kind = row.kind, n.contentHash = row.hash, n.statementKey = row.key
}
CALL (n, row, outcome) {
  WITH n, row, outcome
  WHERE outcome <> 'unchanged'
  WITH n, row,
    coalesce(n.mergeKeys, []) AS keys,
    coalesce(n.mergeHashes, []) AS hashes,
    coalesce(n.mergeRecords, []) AS records,
    coalesce(n.citeSources, []) AS sources,
    coalesce(n.citeQuotes, []) AS quotes,
    coalesce(n.mergedSources, []) AS merged,
    coalesce(n.stixIds, []) AS stixIds,
    coalesce(n.attackIds, []) AS attackIds,
    coalesce(n.mispUuids, []) AS mispUuids,
    coalesce(n.mergedExternalIds, []) AS externalIds
  WITH n, row, keys, hashes, records, sources, quotes, merged, stixIds, attackIds, mispUuids, externalIds,
    [i IN range(0, size(keys) - 1) WHERE keys[i] <> row.key] AS others,
    [i IN range(0, size(row.citeSources) - 1)
      WHERE NOT any(j IN range(0, size(sources) - 1) WHERE sources[j] = row.citeSources[i] AND quotes[j] = row.citeQuotes[i])] AS newCitations
  SET
    n.mergeKeys = [i IN others | keys[i]] + row.key,
    n.mergeHashes = [i IN others | hashes[i]] + row.hash,
    n.mergeRecords = [i IN others | records[i]] + row.record,
    n.citeSources = sources + [i IN newCitations | row.citeSources[i]],
    n.citeQuotes = quotes + [i IN newCitations | row.citeQuotes[i]],
    n.mergedSources = merged + [s IN row.citeSources WHERE NOT s IN merged],
    n.stixIds = CASE WHEN size(stixIds + row.stixIds) = 0 THEN null ELSE stixIds + [x IN row.stixIds WHERE NOT x IN stixIds] END,
    n.attackIds = CASE WHEN size(attackIds + row.attackIds) = 0 THEN null ELSE attackIds + [x IN row.attackIds WHERE NOT x IN attackIds] END,
    n.mispUuids = CASE WHEN size(mispUuids + row.mispUuids) = 0 THEN null ELSE mispUuids + [x IN row.mispUuids WHERE NOT x IN mispUuids] END,
    n.mergedExternalIds = CASE WHEN size(externalIds + row.externalIds) = 0 THEN null ELSE externalIds + [x IN row.externalIds WHERE NOT x IN externalIds] END,
    n.updatedAt = datetime()
}
RETURN row.id AS id, row.kind AS kind, outcome

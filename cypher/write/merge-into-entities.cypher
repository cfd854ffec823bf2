// Adds what one source says to entities another origin owns (an imported actor that matched an
// existing one by alias), without overwriting anything: the entity keeps its name, description and
// properties; the source's citations are appended (and its id recorded in mergedSources, so that
// the owner's later rewrites keep them), identifiers (stixIds, attackIds, mispUuids, and every
// external id merged in, mergedExternalIds) are unioned, and the source's own record of the object
// (its name, description and properties as JSON) is kept under its merge key, replacing only that
// source's earlier record. Re-applying the same record changes nothing.
// Parameters: $rows (list of {id, mergeKey, contentHash, record, citeSources, citeQuotes,
//   stixIds, attackIds, mispUuids, externalIds}).
// Returns: id, kind, outcome (updated | unchanged), one row per entity.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
USING INDEX n:Entity(id)
WITH n, row, coalesce(n.mergeKeys, []) AS keys, coalesce(n.mergeHashes, []) AS hashes
WITH n, row,
  CASE
    WHEN any(i IN range(0, size(keys) - 1) WHERE keys[i] = row.mergeKey AND hashes[i] = row.contentHash) THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (n, row, outcome) {
  WITH n, row, outcome
  WHERE outcome = 'updated'
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
    [i IN range(0, size(keys) - 1) WHERE keys[i] <> row.mergeKey] AS otherRecords,
    [i IN range(0, size(row.citeSources) - 1)
      WHERE NOT any(j IN range(0, size(sources) - 1) WHERE sources[j] = row.citeSources[i] AND quotes[j] = row.citeQuotes[i])] AS newCitations
  SET
    n.mergeKeys = [i IN otherRecords | keys[i]] + row.mergeKey,
    n.mergeHashes = [i IN otherRecords | hashes[i]] + row.contentHash,
    n.mergeRecords = [i IN otherRecords | records[i]] + row.record,
    n.citeSources = sources + [i IN newCitations | row.citeSources[i]],
    n.citeQuotes = quotes + [i IN newCitations | row.citeQuotes[i]],
    n.mergedSources = merged + [s IN row.citeSources WHERE NOT s IN merged],
    n.stixIds = CASE WHEN size(stixIds + row.stixIds) = 0 THEN null ELSE stixIds + [x IN row.stixIds WHERE NOT x IN stixIds] END,
    n.attackIds = CASE WHEN size(attackIds + row.attackIds) = 0 THEN null ELSE attackIds + [x IN row.attackIds WHERE NOT x IN attackIds] END,
    n.mispUuids = CASE WHEN size(mispUuids + row.mispUuids) = 0 THEN null ELSE mispUuids + [x IN row.mispUuids WHERE NOT x IN mispUuids] END,
    n.mergedExternalIds = externalIds + [x IN row.externalIds WHERE NOT x IN externalIds],
    n.updatedAt = datetime()
}
RETURN row.id AS id, n.kind AS kind, outcome

// Points every reference to a merged-away entity at the entity it was merged into: citations
// (citeSources, and mergedSources, of entities and relationships, aliases' KNOWN_AS included), the
// claimant of a relationship (claimedBy, and a link's key, which is its claimant's id) and the
// reporting source of a stance (reportedBy, and its key stance@source). Returns what it changed, before
// and after, so that undoMerge can put it back (and see whether anything changed it since).
// Scans every entity and relationship: a merge is a rare admin operation, and a reference may be anywhere.
// Parameters: $old (the merged-away id), $new (the kept id).
// Returns: entities (list of {id, before, after}), relationships (list of {elementId, type, from, to, before, after}).
CALL () {
  MATCH (n:Entity)
  WHERE $old IN coalesce(n.citeSources, []) OR $old IN coalesce(n.mergedSources, [])
  WITH n, {citeSources: n.citeSources, mergedSources: n.mergedSources} AS before
  SET
    n.citeSources = [s IN n.citeSources | CASE WHEN s = $old THEN $new ELSE s END],
    n.mergedSources = CASE WHEN n.mergedSources IS NULL THEN null ELSE [s IN n.mergedSources | CASE WHEN s = $old THEN $new ELSE s END] END
  RETURN collect({id: n.id, before: before, after: {citeSources: n.citeSources, mergedSources: n.mergedSources}}) AS entities
}
CALL () {
  MATCH (a)-[r]->(b)
  WHERE $old IN coalesce(r.citeSources, []) OR r.claimedBy = $old OR r.reportedBy = $old
  WITH a, r, b, {citeSources: r.citeSources, claimedBy: r.claimedBy, reportedBy: r.reportedBy, key: r.key} AS before
  SET
    r.citeSources = CASE WHEN r.citeSources IS NULL THEN null ELSE [s IN r.citeSources | CASE WHEN s = $old THEN $new ELSE s END] END,
    r.claimedBy = CASE WHEN r.claimedBy = $old THEN $new ELSE r.claimedBy END,
    r.reportedBy = CASE WHEN r.reportedBy = $old THEN $new ELSE r.reportedBy END,
    r.key = CASE
      WHEN r.key = $old THEN $new
      WHEN r.key ENDS WITH '@' + $old THEN left(r.key, size(r.key) - size($old)) + $new
      ELSE r.key
    END
  RETURN collect({
    elementId: elementId(r),
    type: type(r),
    from: coalesce(a.id, a.nameKey),
    to: coalesce(b.id, b.nameKey),
    before: before,
    after: {citeSources: r.citeSources, claimedBy: r.claimedBy, reportedBy: r.reportedBy, key: r.key}
  }) AS relationships
}
RETURN entities, relationships

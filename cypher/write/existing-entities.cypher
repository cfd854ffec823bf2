// Which of the given ids the graph already holds, with their kind (and a source's publication
// date), whether other sources have merged into them, and their content hash (so that unchanged
// entities need no write), and the statements imported sources made about them (their keys and
// hashes, and the sources cited), so that a statement already held needs no write either.
// Parameters: $ids (list of entity ids).
// Returns: id, kind, publishedOn, hasMerges, contentHash, statementKeys, statementHashes, citeSources.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
USING INDEX n:Entity(id)
RETURN n.id AS id, n.kind AS kind, n.publishedOn AS publishedOn, n.mergedSources IS NOT NULL AS hasMerges, n.contentHash AS contentHash,
  coalesce(n.mergeKeys, []) AS statementKeys, coalesce(n.mergeHashes, []) AS statementHashes, coalesce(n.citeSources, []) AS citeSources

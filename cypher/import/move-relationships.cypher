// Moves relationships onto the entity an imported actor was merged into (src/ingest/absorb.ts): each
// is recreated with its properties, or, where the entity already has it (same type, other end and
// key), the moved one's citations are added to it.
// The type comes from src/model/vocabulary.ts's allow-list (checked by the caller).
// Parameters: $rows (list of {from, to, type, key, props}).
// Returns: count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX b:Entity(id)
WITH a, b, row, head([(a)-[found]->(b) WHERE type(found) = row.type AND found.key = row.key | found]) AS existing
CALL (a, b, row, existing) {
  WITH a, b, row, existing
  WHERE existing IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
}
CALL (row, existing) {
  WITH row, existing
  WHERE existing IS NOT NULL
  WITH row, existing,
    coalesce(existing.citeSources, []) AS sources,
    coalesce(existing.citeQuotes, []) AS quotes,
    coalesce(row.props.citeSources, []) AS added,
    coalesce(row.props.citeQuotes, []) AS addedQuotes
  WITH existing, sources, quotes, added, addedQuotes,
    [i IN range(0, size(added) - 1)
      WHERE NOT any(j IN range(0, size(sources) - 1) WHERE sources[j] = added[i] AND quotes[j] = addedQuotes[i])] AS fresh
  SET existing.citeSources = sources + [i IN fresh | added[i]],
    existing.citeQuotes = quotes + [i IN fresh | addedQuotes[i]]
}
RETURN count(*) AS count

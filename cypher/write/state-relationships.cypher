// Writes what imported sources state about relationships that exist already (apply.ts creates new
// ones with write/create-relationships and leaves out those whose statement changes nothing): the
// source's citations are added, never replaced; the properties are the source's when its statement
// is a later version (modified) or of the same version with the smaller content hash, so that the
// same files in any order show the same. Types come from src/model/vocabulary.ts's allow-list.
// Parameters: $rows (list of {from, to, type, key, contentHash, modified, props, citeSources, citeQuotes}).
// Returns: type, outcome (updated | unchanged), count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX b:Entity(id)
WITH row, head([(a)-[found]->(b) WHERE type(found) = row.type AND found.key = row.key | found]) AS r
WITH row, r, coalesce(r.citeSources, []) AS sources, coalesce(r.citeQuotes, []) AS quotes
WITH row, r, sources, quotes,
  [i IN range(0, size(row.citeSources) - 1)
    WHERE NOT any(j IN range(0, size(sources) - 1) WHERE sources[j] = row.citeSources[i] AND quotes[j] = row.citeQuotes[i])] AS newCitations,
  r.contentHash <> row.contentHash AND (
    coalesce(row.modified, '') > coalesce(r.modified, '')
    OR (coalesce(row.modified, '') = coalesce(r.modified, '') AND row.contentHash < r.contentHash)) AS wins
WITH row, r, sources, quotes, newCitations, wins,
  CASE WHEN size(newCitations) = 0 AND NOT wins THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (r, row, wins) {
  WITH r, row, wins
  WHERE wins
  SET r += row.props
  SET r.contentHash = row.contentHash
}
CALL (r, row, sources, quotes, newCitations, outcome) {
  WITH r, row, sources, quotes, newCitations, outcome
  WHERE outcome = 'updated'
  SET
    r.citeSources = sources + [i IN newCitations | row.citeSources[i]],
    r.citeQuotes = quotes + [i IN newCitations | row.citeQuotes[i]],
    r.updatedAt = datetime()
}
RETURN row.type AS type, outcome, count(*) AS count

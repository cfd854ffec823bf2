// Every quote stored in the graph with the source it is from: the citations of entities and of
// relationships (aliases' KNOWN_AS included), and the words a date rests on (<name>Source with
// <name>Quote). For checking that quotes are verbatim (tests/integration/seed-claims.test.ts).
// Parameters: none.
// Returns: one row per non-empty quote: source (id), quote, at (where it is stored, for messages).
CALL () {
  MATCH (n:Entity)
  WHERE n.citeSources IS NOT NULL
  UNWIND range(0, size(n.citeSources) - 1) AS i
  RETURN n.citeSources[i] AS source, n.citeQuotes[i] AS quote, n.id AS at
  UNION ALL
  MATCH (a:Entity)-[r]->(b)
  WHERE r.citeSources IS NOT NULL
  UNWIND range(0, size(r.citeSources) - 1) AS i
  RETURN r.citeSources[i] AS source, r.citeQuotes[i] AS quote, type(r) + ' ' + a.id + ' -> ' + coalesce(b.id, b.name) AS at
  UNION ALL
  MATCH (n:Entity)
  UNWIND [key IN keys(n) WHERE key ENDS WITH 'Quote' AND n[substring(key, 0, size(key) - 5) + 'Source'] IS NOT NULL] AS key
  RETURN n[substring(key, 0, size(key) - 5) + 'Source'] AS source, n[key] AS quote, n.id + ' ' + key AS at
}
WITH source, quote, at
WHERE quote IS NOT NULL AND quote <> ''
RETURN source, quote, at

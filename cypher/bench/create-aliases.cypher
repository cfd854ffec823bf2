// Benchmark only (bench/generate.ts): links synthetic entities to their names, as
// cypher/write/upsert-aliases.cypher does (one Alias node per name key, KNOWN_AS with the giver
// and the citations).
// Parameters: $rows (list of {entityId, name, nameKey, givenBy, citeSources, citeQuotes, knownSince}).
// Returns: count (KNOWN_AS relationships created).
UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
MERGE (a:Alias {nameKey: row.nameKey})
ON CREATE SET a.name = row.name
CREATE (n)-[r:KNOWN_AS {name: row.name, givenBy: row.givenBy}]->(a)
SET r.citeSources = row.citeSources, r.citeQuotes = row.citeQuotes, r.knownSince = row.knownSince
RETURN count(r) AS count

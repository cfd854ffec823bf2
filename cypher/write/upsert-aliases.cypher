// Links entities to the names they are known by, with who gives each name and the sources.
// Parameters: $rows (list of {entityId, name, nameKey, givenBy, citeSources, citeQuotes, knownSince}).
// Returns: count (aliases written).
UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
MERGE (a:Alias {nameKey: row.nameKey})
ON CREATE SET a.name = row.name
MERGE (n)-[r:KNOWN_AS {name: row.name, givenBy: row.givenBy}]->(a)
SET r.citeSources = row.citeSources, r.citeQuotes = row.citeQuotes, r.knownSince = row.knownSince
RETURN count(r) AS count

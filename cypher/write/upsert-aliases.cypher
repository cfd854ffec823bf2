// Links entities to the names they are known by, with who gives each name and the sources.
// A source re-stating an alias replaces its own citations of it; other sources' citations of the
// same name by the same giver stay (several imports may each say "MITRE ATT&CK calls it APT31").
// Parameters: $rows (list of {entityId, name, nameKey, givenBy, citeSources, citeQuotes, knownSince}).
// Returns: count (aliases written).
UNWIND $rows AS row
MATCH (n:Entity {id: row.entityId})
USING INDEX n:Entity(id)
MERGE (a:Alias {nameKey: row.nameKey})
ON CREATE SET a.name = row.name
MERGE (n)-[r:KNOWN_AS {name: row.name, givenBy: row.givenBy}]->(a)
WITH r, row, coalesce(r.citeSources, []) AS oldSources, coalesce(r.citeQuotes, []) AS oldQuotes
WITH r, row, oldSources, oldQuotes,
  [i IN range(0, size(oldSources) - 1) WHERE NOT oldSources[i] IN row.citeSources] AS kept
SET
  r.citeSources = [i IN kept | oldSources[i]] + row.citeSources,
  r.citeQuotes = [i IN kept | oldQuotes[i]] + row.citeQuotes,
  r.knownSince = row.knownSince
RETURN count(r) AS count

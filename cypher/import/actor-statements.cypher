// Every threat actor with the statements sources made about it, for resolution across all of them
// (src/ingest/reconcileActors.ts): its statement keys and records (which hold each statement's names
// and identifiers), whether it is curated, and the names it is known by with the sources citing each.
// Parameters: none.
// Returns: id, name, curated, keys, records, attackIds, aliases (list of {name, sources}).
MATCH (n:ThreatActor)
RETURN n.id AS id, n.name AS name, n.statementKey IS NULL AS curated,
  coalesce(n.mergeKeys, []) AS keys, coalesce(n.mergeRecords, []) AS records, coalesce(n.attackIds, []) AS attackIds,
  [(n)-[k:KNOWN_AS]->(:Alias) | {name: k.name, sources: coalesce(k.citeSources, [])}] AS aliases
ORDER BY id

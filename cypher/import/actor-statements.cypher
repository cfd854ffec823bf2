// Every threat actor with the statements sources made about it, for resolution across all of them
// (src/ingest/reconcileActors.ts): its statement keys and records (which hold each statement's names
// and identifiers), whether it is curated, the names it is known by with the sources citing each, and
// what editors decided: the actors merged into it (mergedIds), those separated from it (apartFrom).
// Parameters: none.
// Returns: id, name, curated, keys, records, attackIds, aliases (list of {name, sources}), mergedIds, apartFrom.
MATCH (n:ThreatActor)
RETURN n.id AS id, n.name AS name, n.statementKey IS NULL AS curated,
  coalesce(n.mergeKeys, []) AS keys, coalesce(n.mergeRecords, []) AS records, coalesce(n.attackIds, []) AS attackIds,
  [(n)-[k:KNOWN_AS]->(:Alias) | {name: k.name, sources: coalesce(k.citeSources, [])}] AS aliases,
  coalesce(n.mergedIds, []) AS mergedIds, coalesce(n.apartFrom, []) AS apartFrom
ORDER BY id

// Every POSSIBLY_SAME_AS between two threat actors, with the sources citing it, so that those
// resolution derives from the statements (cited by imported files alone) can be brought up to date
// (src/ingest/reconcileActors.ts); an editor's are left as they are.
// Parameters: none.
// Returns: from, to, key, reason, matchedNames, citeSources.
MATCH (a:ThreatActor)-[r:POSSIBLY_SAME_AS]->(b:ThreatActor)
RETURN a.id AS from, b.id AS to, coalesce(r.key, '') AS key, r.reason AS reason,
  coalesce(r.matchedNames, []) AS matchedNames, coalesce(r.citeSources, []) AS citeSources

// What entity resolution needs to know of candidate actors to keep apart what must stay apart:
// whether an import created them (statementKey) or they are curated (the seed's, an editor's), their
// ATT&CK ids, and the sources that made statements about them (from the statement keys
// <source id>|<external id>): one source's two actors are two actors.
// Parameters: $ids (list of entity ids).
// Returns: id, name, curated, attackIds, sources.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
USING INDEX n:Entity(id)
WHERE n:ThreatActor
RETURN n.id AS id, n.name AS name, n.statementKey IS NULL AS curated, coalesce(n.attackIds, []) AS attackIds,
  [k IN coalesce(n.mergeKeys, []) | split(k, '|')[0]] AS sources

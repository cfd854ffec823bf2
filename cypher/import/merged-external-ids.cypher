// The ids that sources gave objects which were merged into existing actors (STIX ids, misp:<uuid>),
// with the actor each now belongs to, so that a re-import finds the same actor again.
// Parameters: none.
// Returns: externalId, id, kind.
MATCH (n:ThreatActor)
WHERE n.mergedExternalIds IS NOT NULL
UNWIND n.mergedExternalIds AS externalId
RETURN externalId, n.id AS id, n.kind AS kind

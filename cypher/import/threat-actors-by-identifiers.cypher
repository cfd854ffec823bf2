// Threat actors that carry one of the given strong identifiers, for entity resolution before any
// name is compared: an ATT&CK id (attackIds) or a UUID, whether as a STIX id's UUID (stixIds) or a
// MISP cluster's (mispUuids): MITRE-derived MISP clusters reuse ATT&CK's intrusion-set UUIDs.
// Parameters: $attackIds (list of ATT&CK ids, G0128), $uuids (list of lower-case UUIDs).
// Returns: id, identifier ("attack:G0128" or "uuid:<uuid>"); one row per actor and identifier.
MATCH (n:ThreatActor)
WITH n,
  [x IN coalesce(n.attackIds, []) WHERE x IN $attackIds | 'attack:' + x] +
  [u IN [s IN coalesce(n.stixIds, []) | toLower(split(s, '--')[1])] + coalesce(n.mispUuids, []) WHERE u IN $uuids | 'uuid:' + u] AS matched
WHERE size(matched) > 0
UNWIND matched AS identifier
RETURN DISTINCT n.id AS id, identifier

// Threat actors whose name or any alias has one of the given name keys (src/model/names.ts), for
// alias resolution: which existing actor an incoming actor's names point at.
// Parameters: $keys (list of name keys).
// Returns: key, id, name; one row per key and actor.
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Entity {nameKey: key})
  WHERE n:ThreatActor
  RETURN n
  UNION
  MATCH (:Alias {nameKey: key})<-[:KNOWN_AS]-(n:ThreatActor)
  RETURN n
}
RETURN DISTINCT key, n.id AS id, n.name AS name

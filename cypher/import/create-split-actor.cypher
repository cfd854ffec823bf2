// Creates the actor that statements split out of another stand for (src/ingest/reconcileActors.ts):
// its properties are those of the statement it shows, its statement lists those of the statements
// it holds. The id constraint refuses an id the graph holds already.
// Parameters: $id, $props.
// Returns: id.
CREATE (n:Entity:ThreatActor {id: $id})
SET n += $props, n.createdAt = datetime(), n.updatedAt = datetime()
RETURN n.id AS id

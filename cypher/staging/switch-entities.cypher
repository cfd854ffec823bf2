// Turns entities one import run staged into entities of the graph, inside the import's last
// transaction: the Entity and kind labels make them (and the relationships staged between them)
// visible to every read at its commit, and the Entity id constraint checks them there. Their
// stagedBy and stagedAt are removed after the commit (staging/tidy-entities): removing properties
// rewrites each node's property records, which in this one transaction cost more memory than the
// labels.
// Parameters: $run (the import run's id), $ids (ids of staged entities).
// Returns: id, kind, outcome (always created), one row per entity switched.
UNWIND $ids AS id
MATCH (n:StagedEntity {id: id})
USING INDEX n:StagedEntity(id)
WHERE n.stagedBy = $run
REMOVE n:StagedEntity
SET n:Entity
SET n:$(n.kind)
RETURN n.id AS id, n.kind AS kind, 'created' AS outcome

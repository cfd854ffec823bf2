// How many entities the graph holds, how many nodes imports staged and did not switch in
// (src/write/staging.ts), and how many relationships there are: what an import left behind.
// Returns: entities, staged, relationships.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:StagedEntity) RETURN count(n) AS staged }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN entities, staged, relationships

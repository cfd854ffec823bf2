// Recreates relationships between entities (moved by a merge, restored by its undo). Types come from
// src/model/vocabulary.ts's allow-list; an existing relationship with the same key is kept.
// Parameters: $rows (list of {from, to, type, key, props}).
// Returns: count.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
ON CREATE SET r += row.props
RETURN count(r) AS count

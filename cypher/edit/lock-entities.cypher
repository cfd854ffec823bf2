// Takes the write locks of the given entities until the transaction ends, so that writes which
// read-then-create relationships between them (link) run one after another: the second sees what the
// first wrote instead of creating a duplicate. Writing a property takes the node's lock; it is
// removed in the same statement, so nothing changes. Callers pass the ids sorted, so that two
// transactions lock them in the same order and do not deadlock.
// Parameters: $ids (sorted list of entity ids).
// Returns: count (entities locked).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.lock_ = true
REMOVE n.lock_
RETURN count(n) AS count

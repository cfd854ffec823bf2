// Removes the staging marks (stagedBy, stagedAt) from entities an import run switched in, after the
// run's last transaction committed; in batches of their own transactions, as the staging was.
// Parameters: $run (the import run's id), $ids (ids of the entities switched in).
// Returns: count.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
USING INDEX n:Entity(id)
WHERE n.stagedBy = $run
REMOVE n.stagedBy, n.stagedAt
RETURN count(n) AS count

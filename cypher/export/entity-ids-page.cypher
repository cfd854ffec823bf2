// One page of every entity id, in id order, for exporting the whole graph a page at a time.
// Parameters: $after (the last id of the previous page, or null), $limit (how many ids, or null for all).
// Returns: id.
MATCH (n:Entity)
WHERE $after IS NULL OR n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT coalesce($limit, 1000000000)

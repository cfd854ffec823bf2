// An entity's changes, newest first, with those of the entities merged into it (their ids are in
// the kept entity's mergedIds until the merge is undone): the audit trail stays as written, and the
// kept entity's history still tells where its relationships, names and citations came from.
// Parameters: $id, $limit.
// Returns: change (properties, times as ISO strings; entries written before mutationId had its name
// carry it as changeSetId). Of entries written at once (a merge), the entity's own come first.
OPTIONAL MATCH (n:Entity {id: $id})
WITH [$id] + coalesce(n.mergedIds, []) AS ids
MATCH (c:Change)
WHERE c.entityId IN ids
RETURN c {.*, mutationId: coalesce(c.mutationId, c.changeSetId), at: toString(c.at), undoneAt: toString(c.undoneAt)} AS change
ORDER BY c.at DESC, c.entityId = $id DESC
LIMIT $limit

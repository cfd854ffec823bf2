// Removes every relationship of an entity, before restoring them from a snapshot.
// Parameters: $id.
// Returns: count.
MATCH (:Entity {id: $id})-[r]-()
DELETE r
RETURN count(*) AS count

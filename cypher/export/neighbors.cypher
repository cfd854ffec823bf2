// The entities one relationship away (either direction) from the given ones, for exporting a
// neighbourhood hop by hop.
// Parameters: $ids (list of entity ids).
// Returns: id, one row per distinct neighbour.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[]-(m:Entity)
RETURN DISTINCT m.id AS id

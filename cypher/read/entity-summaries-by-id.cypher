// Entities by id with only what a lookup asks for (id, kind, name, description, knownSince): for
// node(id), entity(id) and nodes(ids) when their selection reads nothing else
// (src/graphql/selection.ts), where read/entities-by-id would send every property the API reads.
// Parameters: $ids (list of ids).
// Returns: entity (id, kind, name, description, knownSince), one row per id found.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.id, .kind, .name, .description, .knownSince} AS entity

// Benchmark only: entities of some kinds with their number of relationships: the imported ones the
// synthetic graph links to (popular techniques stay popular), and the pools workload parameters
// are drawn from.
// Parameters: $kinds (list of kinds).
// Returns: id, kind, name, isoCode, degree, one row per entity, by id.
MATCH (n:Entity)
WHERE n.kind IN $kinds
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.isoCode AS isoCode, COUNT { (n)--() } AS degree
ORDER BY n.id

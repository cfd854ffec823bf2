// Benchmark only: the names of Alias nodes (each known to some entity), for lookup-by-alias workloads.
// Parameters: none.
// Returns: name, by name key.
MATCH (a:Alias)
WHERE EXISTS { (a)<-[:KNOWN_AS]-(:Entity) }
RETURN a.name AS name
ORDER BY a.nameKey

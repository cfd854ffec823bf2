// The names each entity is known by, with who gives each name and the sources.
// Parameters: $ids (list of entity ids).
// Returns: id, name, givenBy, citeSources, citeQuotes.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:KNOWN_AS]->(:Alias)
RETURN id, r.name AS name, r.givenBy AS givenBy, r.citeSources AS citeSources, r.citeQuotes AS citeQuotes
ORDER BY id, r.name

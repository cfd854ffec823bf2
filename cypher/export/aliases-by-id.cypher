// The names the given entities are known by, with who gives each and the citations.
// Parameters: $ids (list of entity ids).
// Returns: id, name, givenBy, citeSources, citeQuotes.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[k:KNOWN_AS]->(:Alias)
RETURN id, k.name AS name, k.givenBy AS givenBy, k.citeSources AS citeSources, k.citeQuotes AS citeQuotes

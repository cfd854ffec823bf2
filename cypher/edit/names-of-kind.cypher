// Every name and alias of the entities of one kind, so that a new entity whose name only looks
// different from one of them (case, spacing, look-alike letters: src/model/names.ts lookalikeKey)
// is refused naming it. Look-alikes have no index to look them up by; a create of one kind reads
// that kind's names (thousands, not millions).
// Parameters: $kind (from src/model/vocabulary.ts's allow-list).
// Returns: id, name, aliases (the names of its KNOWN_AS links).
MATCH (n:$($kind))
RETURN n.id AS id, n.name AS name, [(n)-[k:KNOWN_AS]->(:Alias) | k.name] AS aliases

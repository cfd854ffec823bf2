// Recomputes the full-text field aliasText from every name an entity is known by (all sources'
// KNOWN_AS links), so that search finds names that merged sources added.
// Parameters: $ids (list of entity ids).
// Returns: count (entities refreshed).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
USING INDEX n:Entity(id)
CALL (n) {
  OPTIONAL MATCH (n)-[k:KNOWN_AS]->(:Alias)
  WITH DISTINCT k.name AS name
  ORDER BY name
  RETURN collect(name) AS names
}
SET n.aliasText = CASE
  WHEN size(names) = 0 THEN null
  ELSE reduce(text = head(names), name IN tail(names) | text + ' | ' + name)
END
RETURN count(n) AS count

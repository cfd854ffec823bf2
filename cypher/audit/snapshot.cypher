// The whole of one entity — labels, properties, every relationship — kept in the audit trail before
// a change that removes or rewrites it, so that nothing is lost and a merge can be undone.
// Parameters: $id.
// Returns: entity, labels, relationships (list of {type, outgoing, otherId, otherIsAlias, aliasKey, aliasName, props}).
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-(m)
RETURN n {.*} AS entity,
  labels(n) AS labels,
  collect(
    CASE
      WHEN r IS NULL THEN null
      ELSE {
        type: type(r),
        outgoing: startNode(r) = n,
        otherId: m.id,
        otherIsAlias: m:Alias,
        aliasKey: m.nameKey,
        aliasName: m.name,
        props: properties(r)
      }
    END
  ) AS relationships

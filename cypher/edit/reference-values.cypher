// The current reference properties of entities and relationships a merge rewrote, so that undoMerge
// sees whether a later write changed them (and refuses rather than overwrite it).
// Parameters: $ids (entity ids), $elementIds (relationship element ids).
// Returns: entities (list of {id, values}), relationships (list of {elementId, values}).
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN collect({id: n.id, values: {citeSources: n.citeSources, mergedSources: n.mergedSources}}) AS entities
}
CALL () {
  UNWIND $elementIds AS elementId
  MATCH ()-[r]->()
  WHERE elementId(r) = elementId
  RETURN collect({
    elementId: elementId,
    values: {citeSources: r.citeSources, claimedBy: r.claimedBy, reportedBy: r.reportedBy, key: r.key}
  }) AS relationships
}
RETURN entities, relationships

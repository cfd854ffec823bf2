// Entities a large import writes in batches before it switches them in (cypher/staging/) are found by
// id while their relationships are staged and at the switch. An index, not a constraint: two imports
// may stage the same id at once; the Entity id constraint decides at the switch.
CREATE INDEX staged_entity_id IF NOT EXISTS
FOR (n:StagedEntity)
ON (n.id)

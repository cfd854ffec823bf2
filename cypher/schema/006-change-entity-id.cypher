// The audit trail is read per entity: history(id).
CREATE INDEX change_entity_id IF NOT EXISTS
FOR (c:Change)
ON (c.entityId)

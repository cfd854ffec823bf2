// Case- and space-insensitive name lookups ("apt 31" finds APT31) go through nameKey.
CREATE INDEX entity_name_key IF NOT EXISTS
FOR (n:Entity)
ON (n.nameKey)

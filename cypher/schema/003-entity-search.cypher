// Ranked full-text search across kinds over names, aliases and descriptions.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.name, n.aliasText, n.description]

// Every domain node carries the Entity label and a stable, unique id (the API's ID).
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity)
REQUIRE n.id IS UNIQUE

// API keys are found by the id embedded in the key the client presents.
CREATE CONSTRAINT api_key_id IF NOT EXISTS
FOR (k:ApiKey)
REQUIRE k.id IS UNIQUE

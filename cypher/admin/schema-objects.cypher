// The constraints and indexes the database has, to check that migrations applied.
// Returns: name, type, state, labelsOrTypes, properties.
SHOW INDEXES
YIELD name, type, state, labelsOrTypes, properties
RETURN name, type, state, labelsOrTypes, properties
ORDER BY name

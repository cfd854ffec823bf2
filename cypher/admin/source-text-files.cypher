// The sources that say where a stored copy of their text is (textFile, relative to the repository
// root), for checking quotes against it.
// Parameters: none.
// Returns: one row per such source: id, textFile.
MATCH (s:Source)
WHERE s.textFile IS NOT NULL
RETURN s.id AS id, s.textFile AS textFile
ORDER BY id

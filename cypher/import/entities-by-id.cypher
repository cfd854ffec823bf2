// Which of the given ids the graph holds, with what an import needs to decide how to write each:
// kind, name, the object version it holds (STIX modified) and, for an imported file's Source, the
// file name and time of its first import.
// Parameters: $ids (list of entity ids).
// Returns: id, kind, name, modified, importedAt, fileName.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
USING INDEX n:Entity(id)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.modified AS modified, n.importedAt AS importedAt, n.fileName AS fileName

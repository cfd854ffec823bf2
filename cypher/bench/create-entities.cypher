// Benchmark only (bench/generate.ts): creates synthetic entities in one UNWIND batch, with the
// same shape the write path gives real ones (Entity + kind label, id, kind, name, nameKey,
// citeSources/citeQuotes, knownSince, contentHash, createdAt/updatedAt). The kind label comes from
// src/model/vocabulary.ts's allow-list. Runs on the benchmark's own, freshly cleared database.
// Parameters: $rows (list of {id, kind, props}; props hold the other properties, dates as DATEs).
// Returns: count (entities created).
UNWIND $rows AS row
CREATE (n:Entity {id: row.id})
SET n:$(row.kind)
SET n += row.props
SET n.kind = row.kind, n.createdAt = datetime(), n.updatedAt = datetime()
RETURN count(n) AS count

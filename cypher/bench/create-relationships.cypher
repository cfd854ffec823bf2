// Benchmark only (bench/generate.ts): creates synthetic relationships in one UNWIND batch, with the
// properties the write path gives real ones (key, citeSources/citeQuotes, knownSince, contentHash,
// and confidence, claimedBy, stance, asset or title where the type has them). The type comes from
// src/model/vocabulary.ts's allow-list; both ends exist (the generator wrote them first).
// Parameters: $rows (list of {from, to, type, props}).
// Returns: count (relationships created).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
SET r.createdAt = datetime(), r.updatedAt = datetime()
RETURN count(r) AS count

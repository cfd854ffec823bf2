// The entities within $depth relationships of one entity, breadth first, and the relationships among
// them: the shape neighborhood() returns for drawing. Each layer keeps its nearest nodes until
// $limit nodes are kept, so a hub (a state linked to thousands) cannot blow the answer up.
// Relationship types come from src/model/vocabulary.ts's allow-list (never KNOWN_AS).
// Parameters: $id, $depth (1..3), $types (list), $minConfidence (or null: relationships whose
//   confidence score is below it are not walked; unscored ones are), $asOf (DATE or null: only
//   nodes and relationships with knownSince <= $asOf), $limit (nodes), $edgeLimit.
// Returns: one row, or none when $id is unknown: known (false when the entity is not known as of
//   $asOf), nodes (list of {node, depth}, nearest first), edges (list of {type, source, target, key,
//   props}), truncated.
MATCH (center:Entity {id: $id})
WITH center, ($asOf IS NULL OR center.knownSince <= $asOf) AS known
WITH center, known, CASE WHEN known THEN [center] ELSE [] END AS layer0
// Layer 1.
CALL (layer0) {
  UNWIND CASE WHEN $depth < 1 THEN [] ELSE layer0 END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($asOf IS NULL OR (r.knownSince <= $asOf AND m.knownSince <= $asOf))
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
    AND NOT m IN layer0
  WITH DISTINCT m
  LIMIT $limit
  RETURN collect(m) AS found1
}
WITH center, known, layer0, found1[0..($limit - size(layer0))] AS layer1,
  size(found1) > $limit - size(layer0) AS cut1
// Layer 2.
CALL (layer0, layer1, cut1) {
  UNWIND CASE WHEN cut1 OR $depth < 2 THEN [] ELSE layer1 END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($asOf IS NULL OR (r.knownSince <= $asOf AND m.knownSince <= $asOf))
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
    AND NOT m IN layer1 AND NOT m IN layer0
  WITH DISTINCT m
  LIMIT $limit
  RETURN collect(m) AS found2
}
WITH center, known, layer0, layer1, cut1, found2[0..($limit - size(layer0) - size(layer1))] AS layer2,
  size(found2) > $limit - size(layer0) - size(layer1) AS cut2
// Layer 3.
CALL (layer0, layer1, layer2, cut2) {
  UNWIND CASE WHEN cut2 OR $depth < 3 THEN [] ELSE layer2 END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($asOf IS NULL OR (r.knownSince <= $asOf AND m.knownSince <= $asOf))
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
    AND NOT m IN layer2 AND NOT m IN layer1 AND NOT m IN layer0
  WITH DISTINCT m
  LIMIT $limit
  RETURN collect(m) AS found3
}
WITH center, known, layer0, layer1, layer2, cut1 OR cut2 AS cutBefore,
  found3[0..($limit - size(layer0) - size(layer1) - size(layer2))] AS layer3,
  size(found3) > $limit - size(layer0) - size(layer1) - size(layer2) AS cut3
WITH known, cutBefore OR cut3 AS nodesCut, layer0 + layer1 + layer2 + layer3 AS kept,
  [n IN layer0 | {node: n {.*}, depth: 0}] + [n IN layer1 | {node: n {.*}, depth: 1}]
  + [n IN layer2 | {node: n {.*}, depth: 2}] + [n IN layer3 | {node: n {.*}, depth: 3}] AS nodes
// The relationships among the kept nodes, each once (from its start node).
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN kept
    AND type(r) IN $types
    AND ($asOf IS NULL OR r.knownSince <= $asOf)
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
  WITH a, r, b
  LIMIT $edgeLimit + 1
  RETURN collect({type: type(r), source: a.id, target: b.id, key: r.key, props: properties(r)}) AS found
}
RETURN known, nodes, found[0..$edgeLimit] AS edges, nodesCut OR size(found) > $edgeLimit AS truncated

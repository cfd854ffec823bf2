// The entities within $depth relationships of one entity, and the relationships among them: the
// shape neighborhood() returns for drawing. When more are reached than $limit, what analysts come
// for is kept first: each node ranks by its kind ($kindRanks; responses and campaigns before
// techniques), never above the node it was reached through (a campaign reached through a technique
// ranks with techniques), then nearer before farther. Each layer is walked from the $limit best of
// the one before, which is all the global choice can keep, best first, reading at most
// $candidateLimit relationships: a hub, or techniques shared by hundreds of groups, stay bounded,
// and what the bound leaves unread is the children of the worst-ranked nodes.
// Relationship types come from src/model/vocabulary.ts's allow-list (never KNOWN_AS).
// Parameters: $id, $depth (1..3), $types (list), $kinds (list or null: only entities of these
//   kinds are walked and kept), $kindRanks (map kind -> rank, lower is kept first), $otherRank (rank
//   of kinds not in the map), $minConfidence (or null: relationships whose confidence score is below
//   it are not walked; unscored ones are), $asOf (DATE or null: only nodes and relationships with
//   knownSince <= $asOf), $limit (nodes), $candidateLimit (relationships read per layer), $edgeLimit,
//   $summary (true: nodes carry only id, kind, name, description and knownSince, all that a drawing
//   of the graph asks, instead of the 49 properties the API reads of an entity), $describe and
//   $dated (with $summary: whether description and knownSince are asked; null when not: a drawing
//   that shows names only does not carry every description through Bolt), $edgeProps (false: the
//   edges carry no properties, only their ends, type and key, when no more is asked).
// Returns: one row, or none when $id is unknown: known (false when the entity is not known as of
//   $asOf), nodes (list of {node, depth}, kept first), edges (list of [type, source, target, key,
//   props or null when not $edgeProps]), cut (list of {kind, count}: nodes reached but not kept),
//   truncated (nodes or edges cut, or a layer's reading bound reached).
MATCH (center:Entity {id: $id})
WITH center, ($asOf IS NULL OR center.knownSince <= $asOf) AS known
WITH known, CASE WHEN known THEN [center] ELSE [] END AS nodes0
// Layer 1: ranked by kind alone.
CALL (nodes0) {
  UNWIND CASE WHEN $depth < 1 THEN [] ELSE nodes0 END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($kinds IS NULL OR m.kind IN $kinds)
    AND ($asOf IS NULL OR (r.knownSince <= $asOf AND m.knownSince <= $asOf))
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
    AND NOT m IN nodes0
  WITH m
  LIMIT $candidateLimit
  WITH m, count(*) AS rows
  WITH m, m.kind AS kind, m.name AS name, m.id AS id, rows
  WITH m, kind, name, id, coalesce($kindRanks[kind], $otherRank) AS rank, rows
  ORDER BY rank, name, id
  RETURN collect({node: m, rank: rank, depth: 1, kind: kind, name: name, id: id}) AS found1, coalesce(sum(rows), 0) >= $candidateLimit AS capped1
}
WITH known, nodes0, found1, capped1, [x IN found1[0..$limit] | x.node] AS nodes1
// Layer 2: a node's rank is its kind's, or that of the best node it was reached through if worse.
CALL (nodes0, nodes1, found1) {
  UNWIND CASE WHEN $depth < 2 THEN [] ELSE found1[0..$limit] END AS p
  WITH p.node AS f, p.rank AS fromRank
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($kinds IS NULL OR m.kind IN $kinds)
    AND ($asOf IS NULL OR (r.knownSince <= $asOf AND m.knownSince <= $asOf))
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
    AND NOT m IN nodes1 AND NOT m IN nodes0
  // The frontier comes best first, so the bound leaves out children of the worst-ranked parents.
  WITH m, fromRank
  LIMIT $candidateLimit
  WITH m, fromRank, m.kind AS kind
  WITH m, kind, fromRank, coalesce($kindRanks[kind], $otherRank) AS kindRank
  WITH m, kind, min(CASE WHEN kindRank > fromRank THEN kindRank ELSE fromRank END) AS rank, count(*) AS rows
  WITH m, kind, rank, rows, m.name AS name, m.id AS id
  ORDER BY rank, name, id
  RETURN collect({node: m, rank: rank, depth: 2, kind: kind, name: name, id: id}) AS found2, coalesce(sum(rows), 0) >= $candidateLimit AS capped2
}
WITH known, nodes0, nodes1, found1, found2, capped1 OR capped2 AS capped, [x IN found2[0..$limit] | x.node] AS nodes2
// Layer 3, likewise.
CALL (nodes0, nodes1, nodes2, found2) {
  UNWIND CASE WHEN $depth < 3 THEN [] ELSE found2[0..$limit] END AS p
  WITH p.node AS f, p.rank AS fromRank
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN $types
    AND ($kinds IS NULL OR m.kind IN $kinds)
    AND ($asOf IS NULL OR (r.knownSince <= $asOf AND m.knownSince <= $asOf))
    AND ($minConfidence IS NULL OR r.confidence IS NULL OR r.confidence >= $minConfidence)
    AND NOT m IN nodes2 AND NOT m IN nodes1 AND NOT m IN nodes0
  WITH m, fromRank
  LIMIT $candidateLimit
  WITH m, fromRank, m.kind AS kind
  WITH m, kind, fromRank, coalesce($kindRanks[kind], $otherRank) AS kindRank
  WITH m, kind, min(CASE WHEN kindRank > fromRank THEN kindRank ELSE fromRank END) AS rank, count(*) AS rows
  WITH m, kind, rank, rows, m.name AS name, m.id AS id
  ORDER BY rank, name, id
  RETURN collect({node: m, rank: rank, depth: 3, kind: kind, name: name, id: id}) AS found3, coalesce(sum(rows), 0) >= $candidateLimit AS capped3
}
// The best $limit of all layers. A kept node's parent ranks no worse and sits nearer, so it is kept too.
// A layer is ranked as the whole is, so only the best $limit of each can be among them: those are
// ranked, not every node reached (a technique's thousands of users). Each layer carried its nodes'
// kind, name and id along, so ranking them reads no property again.
CALL (found1, found2, found3) {
  UNWIND found1[0..$limit] + found2[0..$limit] + found3[0..$limit] AS x
  WITH x
  ORDER BY x.rank, x.depth, x.name, x.id
  RETURN collect(x) AS ranked
}
WITH known, nodes0, found1, found2, found3, capped OR capped3 AS capped, ranked[0..($limit - size(nodes0))] AS keptFound
CALL (keptFound) {
  UNWIND keptFound AS x
  WITH x.node AS n, x.depth AS depth
  RETURN collect({node: CASE WHEN $summary THEN n {.id, .kind, .name, description: CASE WHEN $describe THEN n.description END,
      knownSince: CASE WHEN $dated THEN n.knownSince END}
      ELSE n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
      .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
      .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom} END, depth: depth}) AS keptRows
}
WITH known, capped, found1, found2, found3, nodes0 + [x IN keptFound | x.node] AS kept,
  [n IN nodes0 | {node: CASE WHEN $summary THEN n {.id, .kind, .name, description: CASE WHEN $describe THEN n.description END,
      knownSince: CASE WHEN $dated THEN n.knownSince END}
      ELSE n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
      .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
      .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom} END, depth: 0}] + keptRows AS nodes
// What was reached and not kept, per kind (a node reached in two layers counts once).
CALL (found1, found2, found3, kept) {
  UNWIND found1 + found2 + found3 AS x
  WITH DISTINCT x.node AS n, x.kind AS kind
  WHERE NOT n IN kept
  WITH kind, count(*) AS count
  ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS cut
}
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
  // Lists, not maps: a drawing's thousand edges would otherwise send and decode five keys each.
  RETURN collect([type(r), a.id, b.id, r.key, CASE WHEN $edgeProps THEN r {.key,
      .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes, .knownSince, .basis,
      .reportedBy} END]) AS found
}
RETURN known, nodes, found[0..$edgeLimit] AS edges, cut, capped OR size(cut) > 0 OR size(found) > $edgeLimit AS truncated

// The $k shortest paths between two entities (shortest first), walking relationships of the allowed
// types in either direction, of at most $maxHops. Paths that pass a node twice are left out, so
// fewer than $k may come back. SHORTEST takes no parameter: 10 is the API's maximum for k.
// Parameters: $from, $to, $types (list, from src/model/vocabulary.ts), $maxHops (1..6), $k (1..10),
//   $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf),
//   $maxHubUses (a path passes through no entity that more than this many entities use: through a
//   technique hundreds of actors use, everything is a few hops from everything, and the search
//   frontier explodes; the ends themselves may be such hubs).
// Returns: up to $k rows: nodes (list of entities), rels (list of {type, source, target, key, props}).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE $asOf IS NULL OR (a.knownSince <= $asOf AND b.knownSince <= $asOf)
MATCH p = SHORTEST 10 (
  (a)(()-[r]-(x:Entity)
    WHERE type(r) IN $types AND ($asOf IS NULL OR (r.knownSince <= $asOf AND x.knownSince <= $asOf))
      AND (x = b OR COUNT { (x)<-[:USES]-() } <= $maxHubUses)
  ){1,6}(b)
  WHERE size(r) <= $maxHops
)
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
WITH p, ns
ORDER BY length(p)
LIMIT $k
RETURN [n IN ns | n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
    .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
    .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
    .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
    .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
    .publishedSource, .publishedQuote, .publishedInferredFrom}] AS nodes,
  [rel IN relationships(p) |
    {type: type(rel), source: startNode(rel).id, target: endNode(rel).id, key: rel.key, props: rel {.key, .stance,
        .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes, .knownSince, .basis,
        .reportedBy}}] AS rels

// A page of threat actors by name, optionally sponsored by a state or matching a name fragment.
// Parameters: $sponsorId, $nameContains (a name key fragment), $afterKey, $afterId, $beforeKey, $beforeId (cursors), $limit, $backward (the last $limit before the cursor).
// Returns: totalCount (all matches), skippedBefore / skippedAfter (matches outside the cursors), page
//   (up to $limit entities between the cursors: the first ones, or the last ones when $backward).
// Filtered by sponsor, it starts from the sponsor (its SPONSORED_BY relationships) rather than
// testing every actor; the branch that does not apply finds no row at once.
CALL () {
  MATCH (:Entity {id: $sponsorId})<-[:SPONSORED_BY]-(n:ThreatActor)
  RETURN n
  UNION
  WITH 1 AS unfiltered
  WHERE $sponsorId IS NULL
  MATCH (n:ThreatActor)
  RETURN n
}
WITH n
WHERE ($nameContains IS NULL
    OR n.nameKey CONTAINS $nameContains
    OR EXISTS { (n)-[:KNOWN_AS]->(a:Alias) WHERE a.nameKey CONTAINS $nameContains })
WITH n
ORDER BY n.nameKey, n.id
WITH collect(n) AS matches
WITH matches,
  [m IN matches WHERE $afterKey IS NULL OR m.nameKey > $afterKey OR (m.nameKey = $afterKey AND m.id > $afterId)] AS tail
WITH matches, tail,
  [m IN tail WHERE $beforeKey IS NULL OR m.nameKey < $beforeKey OR (m.nameKey = $beforeKey AND m.id < $beforeId)] AS window
RETURN size(matches) AS totalCount,
  size(matches) - size(tail) AS skippedBefore,
  size(tail) - size(window) AS skippedAfter,
  [m IN CASE WHEN $backward THEN window[-$limit..] ELSE window[..$limit] END | m {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom}] AS page

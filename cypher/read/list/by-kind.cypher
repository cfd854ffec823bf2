// A page of entities of one kind, by name (states, persons, sources).
// Parameters: $kind (from the vocabulary's allow-list), $afterKey, $afterId, $beforeKey, $beforeId (cursors), $limit, $backward (the last $limit before the cursor).
// Returns: totalCount (all matches), skippedBefore / skippedAfter (matches outside the cursors), page
//   (up to $limit entities between the cursors: the first ones, or the last ones when $backward).
MATCH (n:Entity)
WHERE n.kind = $kind
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

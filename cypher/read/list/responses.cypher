// A page of responses, newest first, filtered by type, issuer, stance, campaign and date.
// A response's date is partial: it matches a range when its period overlaps the range.
// Parameters: $types (list or null), $issuerId, $namesResponsibleId, $refersToId, $stance, $campaignId,
//   $from, $to (dates or null), $afterKey, $beforeKey (dates), $afterId, $beforeId (cursors), $limit, $backward.
// Returns: totalCount (all matches), skippedBefore / skippedAfter (matches outside the cursors), page
//   (up to $limit entities between the cursors: the first ones, or the last ones when $backward).
MATCH (n:Response)
WHERE ($types IS NULL OR any(t IN n.types WHERE t IN $types))
  AND ($issuerId IS NULL OR EXISTS { (n)-[:ISSUED_BY|ON_BEHALF_OF]->(:Entity {id: $issuerId}) })
  AND ($namesResponsibleId IS NULL
    OR EXISTS { (n)-[s:REFERS_TO]->(:Entity {id: $namesResponsibleId}) WHERE s.stance = 'NAMES_RESPONSIBLE' })
  AND ($refersToId IS NULL
    OR EXISTS { (n)-[s:REFERS_TO]->(:Entity {id: $refersToId}) WHERE $stance IS NULL OR s.stance = $stance })
  AND ($stance IS NULL OR $refersToId IS NOT NULL OR EXISTS { (n)-[s:REFERS_TO]->() WHERE s.stance = $stance })
  AND ($campaignId IS NULL OR EXISTS { (n)-[:CONCERNS]->(:Entity {id: $campaignId}) })
  AND ($from IS NULL OR n.occurredEnd >= $from)
  AND ($to IS NULL OR n.occurredOn <= $to)
WITH n
ORDER BY n.occurredOn DESC, n.id
WITH collect(n) AS matches
WITH matches,
  [m IN matches WHERE $afterKey IS NULL OR m.occurredOn < $afterKey OR (m.occurredOn = $afterKey AND m.id > $afterId)] AS tail
WITH matches, tail,
  [m IN tail WHERE $beforeKey IS NULL OR m.occurredOn > $beforeKey OR (m.occurredOn = $beforeKey AND m.id < $beforeId)] AS window
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

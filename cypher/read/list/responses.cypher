// A page of responses, newest first, filtered by type, issuer, stance, campaign and date.
// A response's date is partial: it matches a range when its period overlaps the range.
// Parameters: $types (list or null), $issuerId, $namesResponsibleId, $refersToId, $stance, $campaignId,
//   $from, $to (dates or null), $afterKey (a date), $afterId (cursor), $limit.
// Returns: totalCount, page.
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
WITH collect(n) AS matches
CALL (matches) {
  UNWIND matches AS n
  WITH n
  WHERE $afterKey IS NULL OR n.occurredOn < $afterKey OR (n.occurredOn = $afterKey AND n.id > $afterId)
  ORDER BY n.occurredOn DESC, n.id
  LIMIT $limit
  RETURN collect(n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
    .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn,
    .startedPrecision, .disclosedOn, .disclosedPrecision, .types, .occurredOn,
    .occurredPrecision, .confidence, .confidenceText, .basis, .titleIsDescriptive, .publisher,
    .url, .publishedOn, .publishedPrecision, .sourceType}) AS page
}
RETURN size(matches) AS totalCount, page

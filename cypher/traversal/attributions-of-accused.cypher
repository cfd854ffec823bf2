// Who holds the accused responsible for which campaign: the NAMES_RESPONSIBLE stances of
// attribution responses and the CONDEMNS stances of any response that refer to the accused (one row
// per stance and campaign), whether in the party's own words or as a source reports them (the
// stance's basis and reportedBy), and the CONDUCTED_BY / ATTRIBUTED_TO claims on campaigns against
// the accused that no attribution response of the claimant states (one row each).
// traversal/attributions answers the same without an accused; this one starts from the accused (and
// its sponsored actors) by id and walks back to what names them, rather than scanning every response
// and campaign (on a state with thousands of them, the scan cost hundreds of thousands of db hits).
// With $includeSponsoredActors, a row may also name a threat actor SPONSORED_BY the accused, directly
// or through a body that is PART_OF it; `sponsor` is then the accused.
// Parameters: $accused (id), $includeSponsoredActors (boolean), $attributor, $campaign (ids or null),
//   $basis (OWN_WORDS, REPORTED or null: only stances on that basis, a stance without one counting
//   as OWN_WORDS; claims are then left out),
//   $from, $to (DATEs or null: responses whose date overlaps; claims, being undated, drop out),
//   $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf), $limit,
//   $summary (true: entities carry only id, kind and name, and description and knownSince when
//   $describe and $dated say they are asked, the response also its date and confidence, which the
//   row's own fields read: a list of names does not carry 49 properties of five entities per row).
// Returns: up to $limit + 1 rows, dated first, oldest first: recordedAs (RESPONSE | CLAIM),
//   response, attributor, accused, sponsor, campaign (entities or null), props (of the stance or
//   the claim relationship).
OPTIONAL MATCH (target:Entity {id: $accused})
CALL (target) {
  OPTIONAL MATCH (target)(()<-[pp:PART_OF]-(body:Entity)
      WHERE $asOf IS NULL OR (pp.knownSince <= $asOf AND body.knownSince <= $asOf)
    ){0,1}(sponsor:Entity)<-[sp:SPONSORED_BY]-(actor:ThreatActor)
  WHERE $includeSponsoredActors
    AND ($asOf IS NULL OR (sp.knownSince <= $asOf AND actor.knownSince <= $asOf))
  RETURN collect(DISTINCT actor.id) AS sponsoredIds
}
UNWIND [$accused] + sponsoredIds AS accusedId
WITH DISTINCT target, accusedId
MATCH (accused:Entity {id: accusedId})
WHERE $asOf IS NULL OR accused.knownSince <= $asOf
CALL (accused) {
  MATCH (accused)<-[s:REFERS_TO]-(resp:Response)
  WHERE ((s.stance = 'NAMES_RESPONSIBLE' AND 'ATTRIBUTION' IN resp.types) OR s.stance = 'CONDEMNS')
    AND ($basis IS NULL OR coalesce(s.basis, 'OWN_WORDS') = $basis)
    AND ($asOf IS NULL OR (resp.knownSince <= $asOf AND s.knownSince <= $asOf))
    AND ($from IS NULL OR resp.occurredEnd >= $from)
    AND ($to IS NULL OR resp.occurredOn <= $to)
  OPTIONAL MATCH (resp)-[ib:ISSUED_BY]->(issuer:Entity)
  WHERE $asOf IS NULL OR (ib.knownSince <= $asOf AND issuer.knownSince <= $asOf)
  OPTIONAL MATCH (resp)-[ob:ON_BEHALF_OF]->(principal:Entity)
  WHERE $asOf IS NULL OR (ob.knownSince <= $asOf AND principal.knownSince <= $asOf)
  WITH resp, s, issuer, principal
  WHERE $attributor IS NULL OR issuer.id = $attributor OR principal.id = $attributor
  OPTIONAL MATCH (resp)-[cc:CONCERNS]->(campaign:Campaign)
  WHERE $asOf IS NULL OR (cc.knownSince <= $asOf AND campaign.knownSince <= $asOf)
  RETURN 'RESPONSE' AS recordedAs, resp, coalesce(principal, issuer) AS attributor, campaign,
    s AS rel, resp.occurredOn AS issuedOn
  UNION ALL
  MATCH (accused)<-[c:CONDUCTED_BY|ATTRIBUTED_TO]-(campaign:Campaign)
  WHERE $from IS NULL AND $to IS NULL AND $basis IS NULL
    AND ($asOf IS NULL OR (c.knownSince <= $asOf AND campaign.knownSince <= $asOf))
  OPTIONAL MATCH (claimant:Entity {id: c.claimedBy})
  WHERE $asOf IS NULL OR claimant.knownSince <= $asOf
  WITH campaign, c, claimant
  WHERE ($attributor IS NULL OR claimant.id = $attributor)
    // The claimant's own attribution response already says this: one row for one act. Asked from
    // the campaign (a handful of responses) rather than from the accused (thousands, for a state).
    AND NOT EXISTS {
      MATCH (campaign)<-[:CONCERNS]-(resp:Response)
      WHERE 'ATTRIBUTION' IN resp.types
        AND ($asOf IS NULL OR resp.knownSince <= $asOf)
        AND EXISTS { (resp)-[:ISSUED_BY|ON_BEHALF_OF]->(claimant) }
        AND EXISTS {
          MATCH (resp)-[s:REFERS_TO]->(accused)
          WHERE s.stance = 'NAMES_RESPONSIBLE' AND ($asOf IS NULL OR s.knownSince <= $asOf)
        }
    }
  RETURN 'CLAIM' AS recordedAs, null AS resp, claimant AS attributor, campaign,
    c AS rel, null AS issuedOn
}
WITH target, recordedAs, resp, attributor, accused, campaign, rel, issuedOn
WHERE $campaign IS NULL OR campaign.id = $campaign
ORDER BY issuedOn, attributor.name, accused.name, campaign.name, resp.id, rel.stance, rel.key
LIMIT $limit + 1
RETURN recordedAs,
  CASE WHEN $summary THEN resp {.id, .kind, .name, description: CASE WHEN $describe THEN resp.description END,
        knownSince: CASE WHEN $dated THEN resp.knownSince END,
        .occurredOn, .occurredPrecision, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom,
        .confidence, .confidenceText}
    ELSE resp {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
      .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision, .disclosedOn,
      .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom} END AS response,
  CASE WHEN $summary THEN attributor {.id, .kind, .name, description: CASE WHEN $describe THEN attributor.description END,
        knownSince: CASE WHEN $dated THEN attributor.knownSince END}
    ELSE attributor {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
      .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision, .disclosedOn,
      .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom} END AS attributor,
  CASE WHEN $summary THEN accused {.id, .kind, .name, description: CASE WHEN $describe THEN accused.description END,
        knownSince: CASE WHEN $dated THEN accused.knownSince END}
    ELSE accused {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
      .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision, .disclosedOn,
      .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom} END AS accused,
  CASE WHEN target IS NOT NULL AND accused.id <> target.id THEN
    CASE WHEN $summary THEN target {.id, .kind, .name, description: CASE WHEN $describe THEN target.description END,
        knownSince: CASE WHEN $dated THEN target.knownSince END}
    ELSE target {.id, .kind, .name, .nameKey, .description,
      .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size,
      .nationality, .startedOn, .startedPrecision, .disclosedOn, .disclosedPrecision, .types, .occurredOn,
      .occurredPrecision, .confidence, .confidenceText, .basis, .titleIsDescriptive, .publisher, .url, .publishedOn,
      .publishedPrecision, .sourceType, .textFile, .startedBasis, .startedSource, .startedQuote, .startedInferredFrom,
      .disclosedBasis, .disclosedSource, .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource,
      .occurredQuote, .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote,
      .publishedInferredFrom} END END AS sponsor,
  CASE WHEN $summary THEN campaign {.id, .kind, .name, description: CASE WHEN $describe THEN campaign.description END,
        knownSince: CASE WHEN $dated THEN campaign.knownSince END}
    ELSE campaign {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
      .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision, .disclosedOn,
      .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom} END AS campaign,
  // The stance's or claim's properties, read for the rows kept only.
  rel {.key, .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes, .knownSince,
      .basis, .reportedBy} AS props

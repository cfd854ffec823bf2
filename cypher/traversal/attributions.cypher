// Who holds whom responsible for which campaign, whoever the accused: the NAMES_RESPONSIBLE stances
// of attribution responses and the CONDEMNS stances of any response (one row per stance and
// campaign), whether in the party's own words or as a source reports them (the stance's basis and
// reportedBy), and the CONDUCTED_BY / ATTRIBUTED_TO claims on campaigns that no attribution response
// of the claimant states (one row each). With an accused, traversal/attributions-of-accused answers
// instead, starting from it: this one scans every response and campaign.
// Parameters: $attributor, $campaign (ids or null),
//   $basis (OWN_WORDS, REPORTED or null: only stances on that basis, a stance without one counting
//   as OWN_WORDS; claims are then left out),
//   $from, $to (DATEs or null: responses whose date overlaps; claims, being undated, drop out),
//   $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf), $limit,
//   $summary (true: entities carry only id, kind and name, and description and knownSince when
//   $describe and $dated say they are asked, the response also its date and confidence, which the
//   row's own fields read: a list of names does not carry 49 properties of five entities per row).
// Returns: up to $limit + 1 rows, dated first, oldest first: recordedAs (RESPONSE | CLAIM),
//   response, attributor, accused, sponsor (always null: see traversal/attributions-of-accused),
//   campaign (entities or null), props (of the stance or the claim relationship).
CALL () {
  MATCH (resp:Response)-[s:REFERS_TO]->(accused:Entity)
  WHERE ((s.stance = 'NAMES_RESPONSIBLE' AND 'ATTRIBUTION' IN resp.types) OR s.stance = 'CONDEMNS')
    AND ($basis IS NULL OR coalesce(s.basis, 'OWN_WORDS') = $basis)
    AND ($asOf IS NULL OR (resp.knownSince <= $asOf AND s.knownSince <= $asOf AND accused.knownSince <= $asOf))
    AND ($from IS NULL OR resp.occurredEnd >= $from)
    AND ($to IS NULL OR resp.occurredOn <= $to)
  OPTIONAL MATCH (resp)-[ib:ISSUED_BY]->(issuer:Entity)
  WHERE $asOf IS NULL OR (ib.knownSince <= $asOf AND issuer.knownSince <= $asOf)
  OPTIONAL MATCH (resp)-[ob:ON_BEHALF_OF]->(principal:Entity)
  WHERE $asOf IS NULL OR (ob.knownSince <= $asOf AND principal.knownSince <= $asOf)
  WITH resp, s, accused, issuer, principal
  WHERE $attributor IS NULL OR issuer.id = $attributor OR principal.id = $attributor
  OPTIONAL MATCH (resp)-[cc:CONCERNS]->(campaign:Campaign)
  WHERE $asOf IS NULL OR (cc.knownSince <= $asOf AND campaign.knownSince <= $asOf)
  RETURN 'RESPONSE' AS recordedAs, resp, coalesce(principal, issuer) AS attributor, accused, campaign,
    s AS rel, resp.occurredOn AS issuedOn
  UNION ALL
  MATCH (campaign:Campaign)-[c:CONDUCTED_BY|ATTRIBUTED_TO]->(accused:Entity)
  WHERE $from IS NULL AND $to IS NULL AND $basis IS NULL
    AND ($asOf IS NULL OR (c.knownSince <= $asOf AND campaign.knownSince <= $asOf AND accused.knownSince <= $asOf))
  OPTIONAL MATCH (claimant:Entity {id: c.claimedBy})
  WHERE $asOf IS NULL OR claimant.knownSince <= $asOf
  WITH campaign, c, accused, claimant
  WHERE ($attributor IS NULL OR claimant.id = $attributor)
    // The claimant's own attribution response already says this: one row for one act.
    AND NOT EXISTS {
      MATCH (campaign)<-[:CONCERNS]-(resp:Response)-[s:REFERS_TO]->(accused)
      WHERE 'ATTRIBUTION' IN resp.types AND s.stance = 'NAMES_RESPONSIBLE'
        AND EXISTS { (resp)-[:ISSUED_BY|ON_BEHALF_OF]->(claimant) }
        AND ($asOf IS NULL OR (resp.knownSince <= $asOf AND s.knownSince <= $asOf))
    }
  RETURN 'CLAIM' AS recordedAs, null AS resp, claimant AS attributor, accused, campaign,
    c AS rel, null AS issuedOn
}
WITH recordedAs, resp, attributor, accused, campaign, rel, issuedOn
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
  null AS sponsor,
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

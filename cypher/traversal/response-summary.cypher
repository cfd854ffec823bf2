// The responses to one campaign with what the summary needs: each response with its party (the
// entity it was issued on behalf of, else its issuer) and its stances; and the accused states, those
// named responsible by a response to the campaign or sponsoring an actor said to have conducted it
// (directly or through a body PART_OF the state). Each party comes with the state it belongs to
// (itself, or the state it is PART_OF, up to three levels), so that a ministry counts for its state.
// The counting is left to the caller.
// Parameters: $campaign, $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf),
//   $limit (responses).
// Returns: one row, or none when $campaign is not a campaign: known (false when the campaign is not
//   known as of $asOf), campaign, accused (states), responses (up to $limit + 1 of
//   {response, party, partyState, stances: [{stance, targetId, props}]}; props carry the stance's
//   basis and reportedBy).
MATCH (campaign:Campaign {id: $campaign})
WITH campaign, ($asOf IS NULL OR campaign.knownSince <= $asOf) AS known
CALL (campaign, known) {
  OPTIONAL MATCH (campaign)<-[c:CONCERNS]-(response:Response)
  WHERE known AND ($asOf IS NULL OR (c.knownSince <= $asOf AND response.knownSince <= $asOf))
  WITH DISTINCT response
  ORDER BY response.occurredOn, response.id
  LIMIT $limit + 1
  RETURN collect(response) AS responses
}
CALL (campaign, known, responses) {
  CALL (campaign, known, responses) {
    UNWIND responses AS response
    MATCH (response)-[s:REFERS_TO]->(state:State)
    WHERE s.stance = 'NAMES_RESPONSIBLE' AND ($asOf IS NULL OR (s.knownSince <= $asOf AND state.knownSince <= $asOf))
    RETURN state
    UNION
    WITH campaign WHERE known
    MATCH (campaign)-[c:CONDUCTED_BY|ATTRIBUTED_TO]->(actor:ThreatActor)-[sp:SPONSORED_BY]->(sponsor:Entity)
    WHERE $asOf IS NULL OR (c.knownSince <= $asOf AND actor.knownSince <= $asOf AND sp.knownSince <= $asOf AND sponsor.knownSince <= $asOf)
    MATCH (sponsor)(()-[pp:PART_OF]->(:Entity) WHERE $asOf IS NULL OR pp.knownSince <= $asOf){0,1}(state:State)
    WHERE $asOf IS NULL OR state.knownSince <= $asOf
    RETURN state
  }
  // Collected here so that a campaign nobody is accused of still gives its one row.
  RETURN collect(state {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
      .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
      .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
      .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
      .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
      .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
      .publishedSource, .publishedQuote, .publishedInferredFrom}) AS accused
}
CALL (responses) {
  UNWIND responses AS response
  OPTIONAL MATCH (response)-[ib:ISSUED_BY]->(issuer:Entity)
  WHERE $asOf IS NULL OR (ib.knownSince <= $asOf AND issuer.knownSince <= $asOf)
  OPTIONAL MATCH (response)-[ob:ON_BEHALF_OF]->(principal:Entity)
  WHERE $asOf IS NULL OR (ob.knownSince <= $asOf AND principal.knownSince <= $asOf)
  CALL (response) {
    OPTIONAL MATCH (response)-[s:REFERS_TO]->(target:Entity)
    WHERE $asOf IS NULL OR (s.knownSince <= $asOf AND target.knownSince <= $asOf)
    RETURN collect(CASE WHEN s IS NOT NULL THEN {stance: s.stance, targetId: target.id, props: s {.key, .stance,
        .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes, .knownSince, .basis,
        .reportedBy}} END) AS stances
  }
  WITH response, coalesce(principal, issuer) AS party, stances
  CALL (party) {
    OPTIONAL MATCH (party)(()-[po:PART_OF]->(:Entity) WHERE $asOf IS NULL OR po.knownSince <= $asOf){1,3}(state:State)
    WHERE $asOf IS NULL OR state.knownSince <= $asOf
    WITH party, head(collect(state)) AS bodyOf
    RETURN CASE WHEN party:State THEN party ELSE bodyOf END AS partyState
  }
  RETURN collect({response: response {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes,
      .stixIds, .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn,
      .startedPrecision, .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence,
      .confidenceText, .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType,
      .textFile, .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
      .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom,
      .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom}, party: party {.id, .kind, .name,
      .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds, .revoked, .deprecated,
      .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision, .disclosedOn, .disclosedPrecision, .types,
      .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis, .titleIsDescriptive, .publisher, .url,
      .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis, .startedSource, .startedQuote,
      .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote, .disclosedInferredFrom, .occurredBasis,
      .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote,
      .publishedInferredFrom}, partyState: partyState {.id, .kind, .name, .nameKey, .description, .knownSince,
      .citeSources, .citeQuotes, .stixIds, .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality,
      .startedOn, .startedPrecision, .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision,
      .confidence, .confidenceText, .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision,
      .sourceType, .textFile, .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis,
      .disclosedSource, .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
      .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom},
      stances: stances}) AS rows
}
RETURN known, campaign {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds,
    .attackIds, .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis,
    .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis,
    .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote,
    .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis,
    .publishedSource, .publishedQuote, .publishedInferredFrom} AS campaign, accused, rows AS responses

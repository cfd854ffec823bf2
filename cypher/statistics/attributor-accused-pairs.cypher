// Who attributes to whom: attribution responses counted per attributing state and accused state.
// The attributing state is the State a response was issued on behalf of, else the State that
// issued it, else the State its issuing body is PART_OF; responses with none are left out.
// Parameters: $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf),
//   $namesOnly (true: the States carry only id, kind and name, when nothing else is asked of them),
//   $source (Source id or null: only responses that cite it).
// Returns (States as the properties the API reads, src/read/projection.ts): attributor, accused (States), attributions (responses), incidents (distinct campaigns),
//   most attributions first.
MATCH (response:Response)-[stance:REFERS_TO]->(accused:State)
WHERE stance.stance = 'NAMES_RESPONSIBLE' AND 'ATTRIBUTION' IN response.types
  AND ($source IS NULL OR $source IN response.citeSources)
  AND ($asOf IS NULL OR (response.knownSince <= $asOf AND stance.knownSince <= $asOf AND accused.knownSince <= $asOf))
CALL (response) {
  OPTIONAL MATCH (response)-[behalf:ON_BEHALF_OF]->(principal:State)
  WHERE $asOf IS NULL OR (behalf.knownSince <= $asOf AND principal.knownSince <= $asOf)
  OPTIONAL MATCH (response)-[issued:ISSUED_BY]->(issuer:State)
  WHERE $asOf IS NULL OR (issued.knownSince <= $asOf AND issuer.knownSince <= $asOf)
  OPTIONAL MATCH (response)-[body:ISSUED_BY]->(:Organization)-[part:PART_OF]->(parent:State)
  WHERE $asOf IS NULL OR (body.knownSince <= $asOf AND part.knownSince <= $asOf AND parent.knownSince <= $asOf)
  RETURN coalesce(principal, issuer, parent) AS attributor
  LIMIT 1
}
WITH response, accused, attributor
WHERE attributor IS NOT NULL
OPTIONAL MATCH (response)-[concerns:CONCERNS]->(campaign:Campaign)
WHERE $asOf IS NULL OR (concerns.knownSince <= $asOf AND campaign.knownSince <= $asOf)
WITH attributor, accused, count(DISTINCT response) AS attributions, count(DISTINCT campaign) AS incidents
RETURN CASE WHEN $namesOnly THEN attributor {.id, .kind, .name} ELSE attributor {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS attributor, CASE WHEN $namesOnly THEN accused {.id, .kind, .name} ELSE accused {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS accused, attributions, incidents
ORDER BY attributions DESC, attributor.name, accused.name

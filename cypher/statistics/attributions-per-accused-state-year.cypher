// Attributions per accused state per year: attribution responses (types contain ATTRIBUTION) with a
// NAMES_RESPONSIBLE stance toward a State, counted per state and year of the response's date
// (year null: undated). An attribution naming two states counts for each.
// Parameters: $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf),
//   $namesOnly (true: the States carry only id, kind and name, when nothing else is asked of them),
//   $source (Source id or null: only responses that cite it).
// Returns (States as the properties the API reads, src/read/projection.ts): accused (the State), year (integer or null), attributions (responses), incidents
//   (distinct campaigns those responses concern), ordered by state name, then year.
MATCH (response:Response)-[stance:REFERS_TO]->(accused:State)
WHERE stance.stance = 'NAMES_RESPONSIBLE' AND 'ATTRIBUTION' IN response.types
  AND ($source IS NULL OR $source IN response.citeSources)
  AND ($asOf IS NULL OR (response.knownSince <= $asOf AND stance.knownSince <= $asOf AND accused.knownSince <= $asOf))
OPTIONAL MATCH (response)-[concerns:CONCERNS]->(campaign:Campaign)
WHERE $asOf IS NULL OR (concerns.knownSince <= $asOf AND campaign.knownSince <= $asOf)
WITH accused, response.occurredOn.year AS year, count(DISTINCT response) AS attributions,
  count(DISTINCT campaign) AS incidents
RETURN CASE WHEN $namesOnly THEN accused {.id, .kind, .name} ELSE accused {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS accused, year, attributions, incidents
ORDER BY accused.name, year

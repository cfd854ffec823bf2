// The time from an incident's start to its first attribution, by accused state: for each campaign
// with a start date and each State a dated attribution response concerning it names responsible,
// the days from the campaign's startedOn to the earliest such response's occurredOn (both the
// first day of the period their sources give); then per state the median, the smallest and the
// largest. Negative when the source dates the attribution before the start.
// Parameters: $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf),
//   $namesOnly (true: the States carry only id, kind and name, when nothing else is asked of them),
//   $source (Source id or null: only responses that cite it).
// Returns (States as the properties the API reads, src/read/projection.ts): accused (the State), incidents, medianDays (float), minDays, maxDays, negative (incidents
//   attributed before their start), most incidents first.
MATCH (response:Response)-[stance:REFERS_TO]->(accused:State)
WHERE stance.stance = 'NAMES_RESPONSIBLE' AND 'ATTRIBUTION' IN response.types AND response.occurredOn IS NOT NULL
  AND ($source IS NULL OR $source IN response.citeSources)
  AND ($asOf IS NULL OR (response.knownSince <= $asOf AND stance.knownSince <= $asOf AND accused.knownSince <= $asOf))
MATCH (response)-[concerns:CONCERNS]->(campaign:Campaign)
WHERE campaign.startedOn IS NOT NULL
  AND ($asOf IS NULL OR (concerns.knownSince <= $asOf AND campaign.knownSince <= $asOf))
WITH accused, campaign, min(response.occurredOn) AS first
WITH accused, campaign, duration.inDays(campaign.startedOn, first).days AS days
WITH accused, count(campaign) AS incidents, percentileCont(days, 0.5) AS medianDays, min(days) AS minDays,
  max(days) AS maxDays, sum(CASE WHEN days < 0 THEN 1 ELSE 0 END) AS negative
RETURN CASE WHEN $namesOnly THEN accused {.id, .kind, .name} ELSE accused {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS accused, incidents, medianDays, minDays, maxDays, negative
ORDER BY incidents DESC, accused.name

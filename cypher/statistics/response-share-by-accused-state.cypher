// The share of incidents that drew a political or a legal response, by accused state. An incident
// is accused of a state when an attribution response concerning it names the State responsible.
// A response is legal when its responseDomain is LEGAL or, without one, when it is an indictment,
// sanction, law-enforcement measure, retorsion, severance of relations or emergency declaration;
// political when its responseDomain is POLITICAL or, without one, when it is any other response but
// an attribution or a denial.
// Parameters: $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf),
//   $namesOnly (true: the States carry only id, kind and name, when nothing else is asked of them),
//   $source (Source id or null: only responses that cite it).
// Returns (States as the properties the API reads, src/read/projection.ts): accused (the State), incidents, political, legal, either (incidents with such a
//   response), most incidents first.
MATCH (response:Response)-[stance:REFERS_TO]->(accused:State)
WHERE stance.stance = 'NAMES_RESPONSIBLE' AND 'ATTRIBUTION' IN response.types
  AND ($source IS NULL OR $source IN response.citeSources)
  AND ($asOf IS NULL OR (response.knownSince <= $asOf AND stance.knownSince <= $asOf AND accused.knownSince <= $asOf))
MATCH (response)-[concerns:CONCERNS]->(campaign:Campaign)
WHERE $asOf IS NULL OR (concerns.knownSince <= $asOf AND campaign.knownSince <= $asOf)
WITH DISTINCT accused, campaign
CALL (campaign) {
  OPTIONAL MATCH (campaign)<-[about:CONCERNS]-(other:Response)
  WHERE ($source IS NULL OR $source IN other.citeSources)
    AND ($asOf IS NULL OR (about.knownSince <= $asOf AND other.knownSince <= $asOf))
  WITH other,
    coalesce(other.responseDomain = 'LEGAL', false)
      OR (other.responseDomain IS NULL AND any(type IN coalesce(other.types, []) WHERE type IN
        ['INDICTMENT', 'SANCTION', 'LAW_ENFORCEMENT', 'RETORSION', 'DIPLOMATIC_SEVERANCE', 'EMERGENCY_DECLARATION'])) AS legal
  WITH other, legal,
    coalesce(other.responseDomain = 'POLITICAL', false)
      OR (other.responseDomain IS NULL AND NOT legal
        AND any(type IN coalesce(other.types, []) WHERE NOT type IN ['ATTRIBUTION', 'DENIAL'])) AS political
  RETURN coalesce(max(CASE WHEN political THEN 1 ELSE 0 END), 0) AS hasPolitical,
    coalesce(max(CASE WHEN legal THEN 1 ELSE 0 END), 0) AS hasLegal
}
WITH accused, count(campaign) AS incidents, sum(hasPolitical) AS political, sum(hasLegal) AS legal,
  sum(CASE WHEN hasPolitical + hasLegal > 0 THEN 1 ELSE 0 END) AS either
RETURN CASE WHEN $namesOnly THEN accused {.id, .kind, .name} ELSE accused {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS accused, incidents, political, legal, either
ORDER BY incidents DESC, accused.name

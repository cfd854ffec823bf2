// The dated events around one entity, oldest first. The subjects are: the entity itself; the
// campaigns and responses one relationship away; the campaigns of threat actors it sponsors and
// those against its bodies (PART_OF); and the responses to every such campaign. Each subject gives
// its dated events: a campaign's start, disclosure and end, a response's issue date.
// Parameters: $id, $asOf (DATE or null: only nodes and relationships with knownSince <= $asOf), $limit.
// Returns: one row, or none when $id is unknown: known (false when the entity is not known as of
//   $asOf), events (up to $limit + 1 of {kind, on, precision, subject}).
MATCH (center:Entity {id: $id})
WITH center, ($asOf IS NULL OR center.knownSince <= $asOf) AS known
CALL (center, known) {
  CALL (center, known) {
    WITH center WHERE known
    RETURN center AS subject
    UNION
    WITH center WHERE known
    MATCH (center)-[r]-(subject:Campaign|Response)
    WHERE $asOf IS NULL OR (r.knownSince <= $asOf AND subject.knownSince <= $asOf)
    RETURN subject
    UNION
    WITH center WHERE known
    MATCH (center)<-[r1:SPONSORED_BY|PART_OF]-(middle:Entity)-[r2:CONDUCTED_BY|ATTRIBUTED_TO|TARGETS]-(subject:Campaign)
    WHERE ((type(r1) = 'SPONSORED_BY' AND type(r2) <> 'TARGETS') OR (type(r1) = 'PART_OF' AND type(r2) = 'TARGETS'))
      AND ($asOf IS NULL OR (r1.knownSince <= $asOf AND middle.knownSince <= $asOf
        AND r2.knownSince <= $asOf AND subject.knownSince <= $asOf))
    RETURN subject
  }
  // Collected here so that an entity with no subjects still gives its one row.
  RETURN collect(subject) AS subjects
}
WITH known, subjects
CALL (subjects) {
  UNWIND subjects AS campaign
  MATCH (campaign:Campaign)<-[r:CONCERNS]-(response:Response)
  WHERE $asOf IS NULL OR (r.knownSince <= $asOf AND response.knownSince <= $asOf)
  RETURN collect(response) AS responses
}
CALL (subjects, responses) {
  UNWIND subjects + responses AS subject
  WITH DISTINCT subject
  UNWIND CASE
      WHEN subject:Campaign THEN [
        {kind: 'CAMPAIGN_STARTED', on: subject.startedOn, precision: subject.startedPrecision},
        {kind: 'CAMPAIGN_DISCLOSED', on: subject.disclosedOn, precision: subject.disclosedPrecision},
        {kind: 'CAMPAIGN_ENDED', on: subject.endedOn, precision: subject.endedPrecision}]
      WHEN subject:Response THEN [{kind: 'RESPONSE_ISSUED', on: subject.occurredOn, precision: subject.occurredPrecision}]
      ELSE []
    END AS event
  WITH subject, event
  WHERE event.on IS NOT NULL
  ORDER BY event.on, CASE event.precision WHEN 'YEAR' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END, event.kind, subject.name, subject.id
  LIMIT $limit + 1
  RETURN collect({kind: event.kind, on: event.on, precision: event.precision, subject: subject {.id, .kind, .name,
      .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds, .revoked, .deprecated,
      .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision, .disclosedOn, .disclosedPrecision, .types,
      .occurredOn, .occurredPrecision, .confidence, .confidenceText, .basis, .titleIsDescriptive, .publisher, .url,
      .publishedOn, .publishedPrecision, .sourceType, .textFile, .startedBasis, .startedSource, .startedQuote,
      .startedInferredFrom, .disclosedBasis, .disclosedSource, .disclosedQuote, .disclosedInferredFrom, .occurredBasis,
      .occurredSource, .occurredQuote, .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote,
      .publishedInferredFrom}}) AS events
}
RETURN known, events

// An entity and some of its typed relationship lists in one statement, two levels deep at most, with
// only the id, kind and name of the entities at the far ends, and their description and knownSince
// where asked (an ATT&CK technique's description runs to kilobytes): what a request
// such as threatActor(id) { uses { node { id name } } } or
// threatActor(id) { campaigns { node { targets { node { id name } } } } } reads. The selection picks
// the lists (src/graphql/preload.ts); the entity loader and read/links would take a statement per
// level and send every property of every entity they reach.
// Parameters: $id, $limit (relationships per list, as read/links), $lists (list of {field, types,
//   direction (OUT | IN | BOTH), props (boolean: return the relationship's properties), described
//   (boolean: return the far end's description and knownSince), lists (the same for the entity at
//   the far end, whose lists are then empty)}), $summary (true: the entity carries only id, kind
//   and name, and description and knownSince when $describe and $dated say they are asked: what
//   threatActor(id) { name uses { … } } needs of it; the whole projection costs Neo4j and the
//   driver more than the lists of such a request).
// Returns: entity (the properties of src/read/projection.ts), lists (list of [field, rows], a row
//   being [type, direction (seen from the entity it was read from), props (the relationship
//   properties the API reads, or an empty map), node (id, kind, name; description, knownSince),
//   lists]), in read/links's order. Lists rather than maps: a uses list runs to hundreds of rows,
//   and a map's keys are sent, and decoded by the driver, once per row.
MATCH (n:Entity {id: $id})
CALL (n) {
  UNWIND $lists AS list
  CALL (n, list) {
    MATCH (n)-[r]-(m:Entity)
    WHERE type(r) IN list.types
      AND (list.direction = 'BOTH' OR (list.direction = 'OUT') = (startNode(r) = n))
    WITH r, m
    ORDER BY type(r), m.name, m.id
    LIMIT $limit
    CALL (m, list) {
      UNWIND list.lists AS inner
      CALL (m, inner) {
        MATCH (m)-[r2]-(m2:Entity)
        WHERE type(r2) IN inner.types
          AND (inner.direction = 'BOTH' OR (inner.direction = 'OUT') = (startNode(r2) = m))
        WITH m, r2, m2
        ORDER BY type(r2), m2.name, m2.id
        LIMIT $limit
        RETURN collect([
          type(r2),
          CASE WHEN startNode(r2) = m THEN 'OUT' ELSE 'IN' END,
          CASE WHEN inner.props
            THEN r2 {.key, .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes,
              .knownSince, .basis, .reportedBy}
            ELSE {} END,
          CASE WHEN inner.described
            THEN m2 {.id, .kind, .name, .description, .knownSince}
            ELSE m2 {.id, .kind, .name} END,
          []
        ]) AS rows
      }
      RETURN collect([inner.field, rows]) AS lists
    }
    RETURN collect([
      type(r),
      CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
      CASE WHEN list.props
        THEN r {.key, .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes,
          .knownSince, .basis, .reportedBy}
        ELSE {} END,
      CASE WHEN list.described
        THEN m {.id, .kind, .name, .description, .knownSince}
        ELSE m {.id, .kind, .name} END,
      lists
    ]) AS rows
  }
  RETURN collect([list.field, rows]) AS lists
}
RETURN CASE WHEN $summary THEN n {.id, .kind, .name, description: CASE WHEN $describe THEN n.description END,
      knownSince: CASE WHEN $dated THEN n.knownSince END}
    ELSE n {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
    .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
    .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
    .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
    .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
    .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
    .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom} END AS entity,
  lists

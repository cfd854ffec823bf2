// A page of the relationships of many entities at once (the batch behind linksConnection and the
// other paged relationship fields), by type, then the other entity's name and id.
// Parameters: $ids, $types (list or null), $direction (OUT | IN | BOTH), $kinds (kinds of the other
//   entity, or null), $from, $to (the window of positions between the cursors; $to null: the end),
//   $limit, $backward (the last $limit of the window instead of the first).
// Returns: id, total (relationships in the whole list), page (list of {type, direction, props, node}).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
    AND ($kinds IS NULL OR m.kind IN $kinds)
  WITH r, m
  ORDER BY type(r), m.name, m.id, r.key
  RETURN collect({r: r, m: m}) AS found
}
WITH id, n, found, found[$from..coalesce($to, size(found))] AS window
WITH id, n, size(found) AS total, CASE WHEN $backward THEN window[-$limit..] ELSE window[..$limit] END AS chosen
CALL (n, chosen) {
  UNWIND chosen AS x
  WITH n, x.r AS r, x.m AS m
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END,
    props: r {.key, .stance, .confidence, .confidenceText, .claimedBy, .asset, .title, .citeSources, .citeQuotes,
      .knownSince, .basis, .reportedBy},
    node: m {.id, .kind, .name, .nameKey, .description, .knownSince, .citeSources, .citeQuotes, .stixIds, .attackIds,
      .revoked, .deprecated, .isoCode, .orgType, .size, .nationality, .startedOn, .startedPrecision,
      .disclosedOn, .disclosedPrecision, .types, .occurredOn, .occurredPrecision, .confidence, .confidenceText,
      .basis, .titleIsDescriptive, .publisher, .url, .publishedOn, .publishedPrecision, .sourceType, .textFile,
      .startedBasis, .startedSource, .startedQuote, .startedInferredFrom, .disclosedBasis, .disclosedSource,
      .disclosedQuote, .disclosedInferredFrom, .occurredBasis, .occurredSource, .occurredQuote,
      .occurredInferredFrom, .publishedBasis, .publishedSource, .publishedQuote, .publishedInferredFrom}
  }) AS page
}
RETURN id, total, page

// A page of threat actors by name, optionally sponsored by a state or matching a name fragment.
// Parameters: $sponsorId, $nameContains (a name key fragment), $afterKey, $afterId, $beforeKey, $beforeId (cursors), $limit, $backward (the last $limit before the cursor).
// Returns: totalCount (all matches), skippedBefore / skippedAfter (matches outside the cursors), page
//   (up to $limit entities between the cursors: the first ones, or the last ones when $backward).
MATCH (n:ThreatActor)
WHERE ($sponsorId IS NULL OR EXISTS { (n)-[:SPONSORED_BY]->(:Entity {id: $sponsorId}) })
  AND ($nameContains IS NULL
    OR n.nameKey CONTAINS $nameContains
    OR EXISTS { (n)-[:KNOWN_AS]->(a:Alias) WHERE a.nameKey CONTAINS $nameContains })
WITH n
ORDER BY n.nameKey, n.id
WITH collect(n) AS matches
WITH matches,
  [m IN matches WHERE $afterKey IS NULL OR m.nameKey > $afterKey OR (m.nameKey = $afterKey AND m.id > $afterId)] AS tail
WITH matches, tail,
  [m IN tail WHERE $beforeKey IS NULL OR m.nameKey < $beforeKey OR (m.nameKey = $beforeKey AND m.id < $beforeId)] AS window
RETURN size(matches) AS totalCount,
  size(matches) - size(tail) AS skippedBefore,
  size(tail) - size(window) AS skippedAfter,
  [m IN CASE WHEN $backward THEN window[-$limit..] ELSE window[..$limit] END | m {.*}] AS page

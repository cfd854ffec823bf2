/**
 * The stored properties the API reads, and so the only ones cypher/read/* and traversal/* return (as map
 * projections: `n {.id, .kind, …}`, or the few ENTITY_SUMMARY_PROPERTIES where the selection asks no
 * more; tests/unit/read-projection.test.ts keeps the files in step).
 * Returning every property (`n {.*}`, `properties(r)`) cost most of a request's time: the driver
 * decodes each DATETIME (createdAt, updatedAt) through 64-bit integer arithmetic, and contentHash,
 * aliasText and the like are sent only to be dropped. A property a new field needs is added here
 * and to the statements.
 */

/** What the entity types' resolvers, pagination cursors and updateEntity read from an entity. */
export const ENTITY_PROPERTIES = [
  'id',
  'kind',
  'name',
  'nameKey',
  'description',
  'knownSince',
  'citeSources',
  'citeQuotes',
  'stixIds',
  'attackIds',
  'revoked',
  'deprecated',
  'isoCode',
  'orgType',
  'size',
  'nationality',
  'startedOn',
  'startedPrecision',
  'disclosedOn',
  'disclosedPrecision',
  'types',
  'occurredOn',
  'occurredPrecision',
  'confidence',
  'confidenceText',
  'basis',
  'titleIsDescriptive',
  'publisher',
  'url',
  'publishedOn',
  'publishedPrecision',
  'sourceType',
  'textFile',
  'startedBasis',
  'startedSource',
  'startedQuote',
  'startedInferredFrom',
  'disclosedBasis',
  'disclosedSource',
  'disclosedQuote',
  'disclosedInferredFrom',
  'occurredBasis',
  'occurredSource',
  'occurredQuote',
  'occurredInferredFrom',
  'publishedBasis',
  'publishedSource',
  'publishedQuote',
  'publishedInferredFrom',
] as const;

/**
 * What a lookup or a list of names reads of an entity: the fields every entity type answers alike
 * (src/graphql/selection.ts's SUMMARY_FIELDS). Statements that serve only such selections
 * (read/entity-summaries-by-id, the far ends in read/entity-with-links) project these alone.
 */
export const ENTITY_SUMMARY_PROPERTIES = ['id', 'kind', 'name', 'description', 'knownSince'] as const;

/** The fewest a list of names reads (read/entity-with-links, where no description or date is asked). */
export const ENTITY_NAME_PROPERTIES = ['id', 'kind', 'name'] as const;

/** What the link types' resolvers read from a relationship (`props` of read/links). */
export const LINK_PROPERTIES = [
  'key',
  'stance',
  'confidence',
  'confidenceText',
  'claimedBy',
  'asset',
  'title',
  'citeSources',
  'citeQuotes',
  'knownSince',
  'basis',
  'reportedBy',
] as const;

/**
 * What resolvers receive as their parent: rows as the data-access layer returns them.
 * graphql-codegen's mappers (codegen.ts) bind GraphQL types to these.
 */

/** Health is resolved lazily: each field asks the database only when selected. */
export type HealthRow = Record<string, never>;

/** An entity's stored properties as cypher/read/* project them (src/read/projection.ts); kind-specific ones are null elsewhere. */
export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  description?: string | null;
  citeSources?: string[] | null;
  citeQuotes?: string[] | null;
  knownSince?: string | null;
  stixIds?: string[] | null;
  attackIds?: string[] | null;
  revoked?: boolean | null;
  deprecated?: boolean | null;
  [property: string]: unknown;
}

/** A relationship seen from one end (cypher/read/links.cypher). */
export interface LinkRow {
  /** The entity the relationship was read from. */
  from: string;
  type: string;
  direction: 'OUT' | 'IN';
  props: Record<string, unknown>;
  node: EntityRow;
}

/** A REFERS_TO relationship as a stance: the response on one end, the party on the other. */
export interface StanceRow {
  link: LinkRow;
  responseId: string;
  target: EntityRow | string;
  response: EntityRow | string;
}

export interface CitationRow {
  sourceId: string;
  quote: string | null;
}

export interface AliasRow {
  name: string;
  givenBy: string | null;
  citeSources: string[] | null;
  citeQuotes: string[] | null;
}

export interface PartialDateRow {
  start: string;
  precision: 'YEAR' | 'MONTH' | 'DAY';
  /** How the date is known (<name>Basis, <name>InferredFrom, <name>Source and <name>Quote), where recorded. */
  basis?: 'STATED' | 'INFERRED' | 'OTHER_SOURCE' | null;
  inferredFrom?: string | null;
  citation?: CitationRow | null;
}

export interface ConfidenceRow {
  score: number | null;
  text: string | null;
}

export interface PageInfoRow {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of a list (a Relay connection) of some kind of row. */
export interface PageOf<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfoRow;
}

export type ConnectionRow = PageOf<EntityRow>;
export type LinkConnectionRow = PageOf<LinkRow>;
export type LinkEdgeRow = LinkConnectionRow['edges'][number];

export interface SearchHitEdgeRow {
  cursor: string;
  score: number;
  node: EntityRow;
}

export interface SearchConnectionRow {
  edges: SearchHitEdgeRow[];
  pageInfo: PageInfoRow;
}

export interface SearchHitRow {
  score: number;
  entity: EntityRow;
}

/**
 * What the traversal resolvers (src/graphql/resolvers/traversal.ts) hand to the fields below them:
 * the GraphQL types of schema/traversal.graphql bound to these by codegen.ts's mappers.
 */
import type { CitationRow, ConfidenceRow, EntityRow, PartialDateRow, StanceRow } from './rows.js';

/** A relationship as the traversal statements return it (cypher/traversal/*). */
export interface RelationshipRow {
  type: string;
  /** Id of the start node. */
  source: string;
  /** Id of the end node. */
  target: string;
  key: string | null;
  props: Record<string, unknown>;
}

export interface GraphEdgeRow extends RelationshipRow {
  id: string;
  /** OUT when walked from source to target. */
  direction: 'OUT' | 'IN';
}

export interface NeighborhoodRow {
  center: EntityRow | null;
  nodes: EntityRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
  /** Nodes reached but not kept, per kind. */
  cut: Array<{ kind: string; count: number }>;
}

export interface GraphPathRow {
  nodes: EntityRow[];
  edges: GraphEdgeRow[];
}

export interface PathSetRow {
  paths: GraphPathRow[];
  truncated: boolean;
}

export interface AttributionRow {
  recordedAs: 'RESPONSE' | 'CLAIM';
  response: EntityRow | null;
  attributor: EntityRow | null;
  accused: EntityRow;
  sponsor: EntityRow | null;
  campaign: EntityRow | null;
  date: PartialDateRow | null;
  confidence: ConfidenceRow | null;
  stance: string | null;
  basis: 'OWN_WORDS' | 'REPORTED' | null;
  /** Id of the source that reports a REPORTED stance. */
  reportedById: string | null;
  citations: CitationRow[];
  knownSince: string | null;
}

export interface AttributionListRow {
  attributions: AttributionRow[];
  truncated: boolean;
}

export interface TimelineEventRow {
  kind: 'CAMPAIGN_STARTED' | 'CAMPAIGN_DISCLOSED' | 'CAMPAIGN_ENDED' | 'RESPONSE_ISSUED';
  date: PartialDateRow;
  subject: EntityRow;
}

export interface TimelineRow {
  events: TimelineEventRow[];
  truncated: boolean;
}

export type NamingPosition = 'NAMED' | 'NAMED_IN_CONDEMNATION' | 'SAID_NOT_TO_NAME' | 'RESPONDED_WITHOUT_NAMING';

export interface PartyPositionRow {
  party: EntityRow;
  accused: EntityRow;
  position: NamingPosition;
  responses: EntityRow[];
  stances: string[];
  citations: CitationRow[];
  /** The state the party belongs to (itself, or through PART_OF), or null. */
  state: EntityRow | null;
  stancesInOwnWords: string[];
  reported: StanceRow[];
}

export interface StatePositionRow {
  state: EntityRow;
  accused: EntityRow;
  position: NamingPosition;
  parties: PartyPositionRow[];
}

export interface ResponseSummaryRow {
  campaign: EntityRow | null;
  responseCount: number;
  byType: Array<{ type: string; count: number }>;
  byStance: Array<{ stance: string; count: number; inOwnWords: number }>;
  accusedStates: EntityRow[];
  namedBy: PartyPositionRow[];
  declinedToName: PartyPositionRow[];
  reportedAsAccusing: PartyPositionRow[];
  byState: StatePositionRow[];
}

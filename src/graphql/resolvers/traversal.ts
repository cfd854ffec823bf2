import { toNeo4jDate } from '../../db/values.js';
import { apiError, badUserInput } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { parsePartialDate } from '../../model/partialDate.js';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind } from '../../model/vocabulary.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { askedBelow, fieldsOf, selectedFields, summaryProjection, type SummaryProjection } from '../selection.js';
import type { CitationRow, EntityRow, PartialDateRow, StanceRow } from '../../read/rows.js';
import type {
  AttributionRow,
  GraphEdgeRow,
  GraphPathRow,
  NamingPosition,
  PartyPositionRow,
  RelationshipRow,
  ResponseSummaryRow,
  StatePositionRow,
  TimelineEventRow,
} from '../../read/traversalRows.js';
import { citationsOf, confidenceOf, entityOrNull, filterDate, partialDateOf, stanceBasisOf } from './shared.js';

/**
 * Resolvers of schema/traversal.graphql. Each traversal is one bounded statement from
 * cypher/traversal/: arguments are checked against hard bounds first (BAD_USER_INPUT naming the
 * argument), and the statement runs under a transaction timeout shorter than the API's default.
 */

/**
 * Paths never pass through an entity used (USES) by more than this many others: the popular
 * ATT&CK techniques and tools join nearly every pair of actors in two hops, say little about how
 * they are connected, and make the shortest-path search expand thousands of neighbours
 * (docs/traversals.md).
 */
const PATH_MAX_HUB_USES = 100;

/** The hard bounds; docs/traversals.md states them. */
export const TRAVERSAL_BOUNDS = {
  depth: { min: 1, max: 3, default: 1 },
  neighborhoodLimit: { min: 1, max: 1000, default: 200 },
  /** Edges of a neighbourhood, per node kept: enough for drawing, bounded for hubs. */
  edgesPerNode: 5,
  /** Relationships a neighbourhood reads per ring, per node kept: enough to rank, bounded for hubs. */
  readsPerNode: 25,
  maxHops: { min: 1, max: 6, default: 4 },
  k: { min: 1, max: 10, default: 3 },
  pathLimit: { min: 1, max: 100, default: 25 },
  listLimit: { min: 1, max: 1000, default: 200 },
  /** Responses a summary reads for one campaign. */
  summaryResponses: 5000,
  /** A traversal that runs longer is stopped by the server (SERVICE_UNAVAILABLE, reason TIMEOUT). */
  timeoutMs: 10_000,
} as const;

function bounded(
  argument: string,
  value: number | null | undefined,
  bound: { min: number; max: number; default: number },
): number {
  const chosen = value ?? bound.default;
  if (!Number.isInteger(chosen) || chosen < bound.min || chosen > bound.max) {
    throw badUserInput(argument, `must be from ${bound.min} to ${bound.max}, got ${chosen}`);
  }
  return chosen;
}

/** asOf is a day: knowledge is dated by its sources' publication days. */
function asOfParam(asOf: string | null | undefined): unknown {
  if (asOf === null || asOf === undefined) return null;
  const parsed = parsePartialDate(asOf);
  if (typeof parsed === 'string') throw badUserInput('asOf', parsed);
  if (parsed.precision !== 'DAY') throw badUserInput('asOf', `must be a day, YYYY-MM-DD, got "${asOf}"`);
  return toNeo4jDate(parsed.start);
}

function minConfidenceParam(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : bounded('minConfidence', value, { min: 0, max: 100, default: 0 });
}

function typesParam(types: readonly string[] | null | undefined): string[] {
  // Never empty and never beyond the allow-list: KNOWN_AS (aliases) and other bookkeeping stay out.
  return types && types.length > 0 ? [...new Set(types)] : [...RELATIONSHIP_TYPES];
}

/** GraphEdge fields answered without the relationship's properties. */
const EDGE_FRAME_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'type',
  'source',
  'target',
  'direction',
  'sourceEntity',
  'targetEntity',
]);

/**
 * What a neighborhood's selection asks of its nodes and edges, so that the statement returns no more:
 * summary fields alone (a drawing's id, kind, name), and among them description and knownSince or
 * not; the edges' properties, or only their ends and type.
 */
function neighborhoodProjection(info: GraphQLResolveInfo): SummaryProjection & { edgeProps: boolean } {
  const selected = fieldsOf(info);
  const edgeFields = askedBelow(info, selected.get('edges') ?? []);
  return {
    ...summaryProjection(info, [...(selected.get('nodes') ?? []), ...(selected.get('center') ?? [])]),
    edgeProps: !edgeFields.every((name) => EDGE_FRAME_FIELDS.has(name)),
  };
}

/** The entities of an attribution, whose selection decides whether the statement returns them whole. */
const ATTRIBUTION_ENTITIES = ['response', 'attributor', 'accused', 'sponsor', 'campaign'];

/**
 * What an attribution list asks of its entities: a list of who named whom for what (ids and names)
 * is answered from summary rows, without 49 properties of five entities per row.
 */
function attributionProjection(info: GraphQLResolveInfo): SummaryProjection {
  const rows = selectedFields(
    info,
    (fieldsOf(info).get('attributions') ?? []).map((node) => node.selectionSet),
  );
  return summaryProjection(
    info,
    ATTRIBUTION_ENTITIES.flatMap((name) => rows.get(name) ?? []),
  );
}

function notFound(argument: string, id: string): Error {
  return apiError('NOT_FOUND', `${argument}: no entity has the id "${id}"`, { argument });
}

function read<T extends object>(context: Context, statement: string, params: Record<string, unknown>): Promise<T[]> {
  return context.db.read<T>(statement, params, { timeoutMs: TRAVERSAL_BOUNDS.timeoutMs });
}

/** Entities arrive whole; nested fields that resolve them again then cost no query. */
function prime(context: Context, entities: Array<EntityRow | null | undefined>): void {
  for (const entity of entities) if (entity) context.loaders.entity.prime(entity.id, entity);
}

function edgeOf(rel: RelationshipRow, direction: 'OUT' | 'IN'): GraphEdgeRow {
  const key = rel.key ? `#${rel.key}` : '';
  // Built whole rather than spread from rel: a neighbourhood makes hundreds of these per request.
  return {
    type: rel.type,
    source: rel.source,
    target: rel.target,
    key: rel.key,
    props: rel.props,
    id: `${rel.type}:${rel.source}->${rel.target}${key}`,
    direction,
  };
}

/** A path's relationships in walking order: OUT when a relationship points from nodes[i] to nodes[i + 1]. */
function pathOf(row: { nodes: EntityRow[]; rels: RelationshipRow[] }): GraphPathRow {
  return {
    nodes: row.nodes,
    edges: row.rels.map((rel, index) => edgeOf(rel, rel.source === row.nodes[index]?.id ? 'OUT' : 'IN')),
  };
}

/**
 * What a neighbourhood keeps first when its limit cuts: the case (responses, campaigns, the states and
 * organisations that attack, sponsor, suffer and respond, people) before imported threat
 * intelligence (techniques, malware, tools, mitigations). docs/traversals.md explains the choice.
 */
export const NEIGHBORHOOD_KIND_ORDER: readonly EntityKind[] = [
  'Response',
  'Campaign',
  'ThreatActor',
  'State',
  'Organization',
  'Person',
  'PersonGroup',
  'Location',
  'Report',
  'Note',
  'Opinion',
  'Sighting',
  'Malware',
  'Tool',
  'AttackPattern',
  'CourseOfAction',
  'StixObject',
  'Source',
];

/** The caller's kinds first, in their order, then the rest in the default order: kind -> rank. */
function kindRanks(kindOrder: readonly string[] | null | undefined): Record<string, number> {
  const order = [...new Set([...(kindOrder ?? []), ...NEIGHBORHOOD_KIND_ORDER, ...ENTITY_KINDS])];
  return Object.fromEntries(order.map((kind, index) => [kind, index + 1]));
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---- neighborhood

/** An edge as traversal/neighborhood returns it: a list, read by position. */
type NeighborhoodEdge = [type: string, source: string, target: string, key: string | null, props: Record<string, unknown> | null];

interface NeighborhoodResult {
  known: boolean;
  nodes: Array<{ node: EntityRow; depth: number }>;
  edges: NeighborhoodEdge[];
  cut: Array<{ kind: string; count: number }>;
  truncated: boolean;
}

// ---- attributions

/** A row of traversal/attributions: the resolved row's entities, with the claim's raw properties. */
type AttributionResult = Pick<AttributionRow, 'recordedAs' | 'response' | 'attributor' | 'accused' | 'sponsor' | 'campaign'> & {
  props: Record<string, unknown>;
};

function attributionOf(row: AttributionResult): AttributionRow {
  const fromResponse = row.recordedAs === 'RESPONSE' && row.response !== null;
  return {
    recordedAs: row.recordedAs,
    response: row.response,
    attributor: row.attributor,
    accused: row.accused,
    sponsor: row.sponsor,
    campaign: row.campaign,
    date: fromResponse ? partialDateOf(row.response!, 'occurred') : null,
    // A response states its confidence on itself; a claim on its relationship.
    confidence: (fromResponse ? confidenceOf(row.response!) : null) ?? confidenceOf(row.props),
    stance: fromResponse ? stringOrNull(row.props.stance) : null,
    basis: fromResponse ? stanceBasisOf(row.props) : null,
    reportedById: fromResponse ? stringOrNull(row.props.reportedBy) : null,
    citations: citationsOf(row.props),
    knownSince: stringOrNull(row.props.knownSince),
  };
}

// ---- timeline

/** The stored date (<name>On, <name>Precision, <name>Basis, …) each kind of event is read from. */
const DATE_OF_EVENT: Record<TimelineEventRow['kind'], string> = {
  CAMPAIGN_STARTED: 'started',
  CAMPAIGN_DISCLOSED: 'disclosed',
  CAMPAIGN_ENDED: 'ended',
  RESPONSE_ISSUED: 'occurred',
};

interface TimelineResult {
  known: boolean;
  events: Array<{ kind: TimelineEventRow['kind']; on: string; precision: PartialDateRow['precision']; subject: EntityRow }>;
}

// ---- response summary

interface StanceResult {
  stance: string;
  targetId: string;
  props: Record<string, unknown>;
}

interface SummaryResult {
  known: boolean;
  campaign: EntityRow;
  accused: EntityRow[];
  responses: Array<{ response: EntityRow; party: EntityRow | null; partyState: EntityRow | null; stances: StanceResult[] }>;
}

/** A stance in the party's own words; one recorded before bases were (no basis) counts as such. */
const inOwnWords = (stance: StanceResult): boolean => stance.props.basis !== 'REPORTED';
const ACCUSING = new Set(['NAMES_RESPONSIBLE', 'CONDEMNS']);
/** Strongest first: a state's position is the strongest among its parties'. */
const POSITION_ORDER: NamingPosition[] = ['NAMED', 'NAMED_IN_CONDEMNATION', 'SAID_NOT_TO_NAME', 'RESPONDED_WITHOUT_NAMING'];

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Most frequent first, then by name, so that the answer reads the same every time. */
function sortedCounts(counts: Map<string, number>): Array<[string, number]> {
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || compareText(a, b));
}

/**
 * Each party's position toward each accused state, over all its responses to the campaign, decided by
 * its own words: it named the state if any of its responses did, or condemned it by name; else a
 * source may say it did not; else it just did not. What sources report it did is kept beside
 * (reported), never mixed into the position.
 */
function partyPositions(result: SummaryResult): PartyPositionRow[] {
  const positions: PartyPositionRow[] = [];
  const byParty = new Map<string, { party: EntityRow; state: EntityRow | null; items: SummaryResult['responses'] }>();
  for (const item of result.responses) {
    if (item.party === null) continue;
    const entry = byParty.get(item.party.id) ?? { party: item.party, state: item.partyState, items: [] };
    entry.items.push(item);
    byParty.set(item.party.id, entry);
  }
  for (const accused of result.accused) {
    for (const { party, state, items } of byParty.values()) {
      if (party.id === accused.id) continue;
      const stances = items.flatMap((item) =>
        item.stances.filter((stance) => stance.targetId === accused.id).map((stance) => ({ ...stance, response: item.response })),
      );
      const own = stances.filter(inOwnWords);
      const named = own.filter((stance) => stance.stance === 'NAMES_RESPONSIBLE');
      const condemned = own.filter((stance) => stance.stance === 'CONDEMNS');
      const saidNot = stances.filter((stance) => stance.stance === 'DOES_NOT_NAME');
      const [position, deciding]: [NamingPosition, StanceResult[]] =
        named.length > 0
          ? ['NAMED', named]
          : condemned.length > 0
            ? ['NAMED_IN_CONDEMNATION', condemned]
            : saidNot.length > 0
              ? ['SAID_NOT_TO_NAME', saidNot]
              : ['RESPONDED_WITHOUT_NAMING', []];
      positions.push({
        party,
        accused,
        position,
        responses: items.map((item) => item.response),
        stances: [...new Set(stances.map((stance) => stance.stance))].sort(),
        citations: deciding.flatMap((stance): CitationRow[] => citationsOf(stance.props)),
        state,
        stancesInOwnWords: [...new Set(own.map((stance) => stance.stance))].sort(),
        reported: stances
          .filter((stance) => !inOwnWords(stance))
          .map((stance): StanceRow => stanceRowOf(stance.response, accused, stance)),
      });
    }
  }
  return positions.sort((a, b) => compareText(a.party.name, b.party.name));
}

/** A stance read by the summary, in the shape the Stance type resolves (as if read from the response). */
function stanceRowOf(response: EntityRow, target: EntityRow, stance: StanceResult): StanceRow {
  return {
    link: { from: response.id, type: 'REFERS_TO', direction: 'OUT', props: stance.props, node: target },
    responseId: response.id,
    response,
    target,
  };
}

/** Parties rolled up to their states: a ministry's position counts for its state, both shown. */
function statePositions(positions: PartyPositionRow[]): StatePositionRow[] {
  const byState = new Map<string, StatePositionRow>();
  for (const position of positions) {
    if (position.state === null || position.state.id === position.accused.id) continue;
    const key = `${position.state.id}|${position.accused.id}`;
    const entry = byState.get(key) ?? {
      state: position.state,
      accused: position.accused,
      position: position.position,
      parties: [],
    };
    entry.parties.push(position);
    if (POSITION_ORDER.indexOf(position.position) < POSITION_ORDER.indexOf(entry.position)) entry.position = position.position;
    byState.set(key, entry);
  }
  return [...byState.values()].sort(
    (a, b) => compareText(a.state.name, b.state.name) || compareText(a.accused.name, b.accused.name),
  );
}

function summaryOf(result: SummaryResult): ResponseSummaryRow {
  const responses = result.responses.map((item) => item.response);
  const types = responses.flatMap((response) => (Array.isArray(response.types) ? (response.types as string[]) : []));
  // A response counts once per stance it takes, however many parties it takes it toward.
  const stances = result.responses.flatMap((item) => [...new Set(item.stances.map((stance) => stance.stance))]);
  const ownStances = countBy(
    result.responses.flatMap((item) => [...new Set(item.stances.filter(inOwnWords).map((stance) => stance.stance))]),
  );
  const positions = partyPositions(result);
  const named = (position: PartyPositionRow): boolean =>
    position.position === 'NAMED' || position.position === 'NAMED_IN_CONDEMNATION';
  return {
    campaign: result.known ? result.campaign : null,
    responseCount: responses.length,
    byType: sortedCounts(countBy(types)).map(([type, count]) => ({ type, count })),
    byStance: sortedCounts(countBy(stances)).map(([stance, count]) => ({
      stance,
      count,
      inOwnWords: ownStances.get(stance) ?? 0,
    })),
    accusedStates: result.accused,
    namedBy: positions.filter(named),
    declinedToName: positions.filter((position) => !named(position)),
    reportedAsAccusing: positions.filter((position) =>
      position.reported.some((stance) => ACCUSING.has(String(stance.link.props.stance))),
    ),
    byState: statePositions(positions),
  };
}

export const traversalResolvers: Resolvers = {
  Query: {
    neighborhood: async (_root, args, context, info) => {
      const limit = bounded('limit', args.limit, TRAVERSAL_BOUNDS.neighborhoodLimit);
      const { summary, describe, dated, edgeProps } = neighborhoodProjection(info);
      const [row] = await read<NeighborhoodResult>(context, 'traversal/neighborhood', {
        id: args.id,
        depth: bounded('depth', args.depth, TRAVERSAL_BOUNDS.depth),
        types: typesParam(args.relationshipTypes),
        kinds: args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds)] : null,
        kindRanks: kindRanks(args.kindOrder),
        otherRank: ENTITY_KINDS.length + 1,
        minConfidence: minConfidenceParam(args.minConfidence),
        asOf: asOfParam(args.asOf),
        limit,
        candidateLimit: limit * TRAVERSAL_BOUNDS.readsPerNode,
        edgeLimit: limit * TRAVERSAL_BOUNDS.edgesPerNode,
        summary,
        describe,
        dated,
        edgeProps,
      });
      if (row === undefined) throw notFound('id', args.id);
      const depthOf = new Map(row.nodes.map(({ node, depth }) => [node.id, depth]));
      // Kept by rank in the statement; listed nearest first here, as the schema promises.
      const nodes = [...row.nodes]
        .sort((a, b) => a.depth - b.depth || compareText(a.node.name, b.node.name) || compareText(a.node.id, b.node.id))
        .map(({ node }) => node);
      // Summary rows lack the other properties: the loader must not answer other fields from them.
      if (!summary) prime(context, nodes);
      return {
        center: row.known ? (nodes[0] ?? null) : null,
        nodes,
        // Drawn away from the center: OUT when the relationship points outward.
        edges: row.edges
          .map(([type, source, target, key, props]) =>
            edgeOf(
              { type, source, target, key, props: props ?? {} },
              (depthOf.get(source) ?? 0) <= (depthOf.get(target) ?? 0) ? 'OUT' : 'IN',
            ),
          )
          .sort((a, b) => compareText(a.id, b.id)),
        truncated: row.truncated,
        cut: row.cut,
      };
    },

    paths: async (_root, args, context) => {
      const maxHops = bounded('maxHops', args.maxHops, TRAVERSAL_BOUNDS.maxHops);
      const limit = bounded('limit', args.limit, TRAVERSAL_BOUNDS.pathLimit);
      const mode = args.mode ?? 'SHORTEST';
      if (mode !== 'K_SHORTEST' && args.k !== null && args.k !== undefined) {
        throw badUserInput('k', 'is only for mode K_SHORTEST');
      }
      if (args.from === args.to) throw badUserInput('to', 'must differ from from');
      const statement = {
        SHORTEST: 'traversal/paths-shortest',
        ALL_SHORTEST: 'traversal/paths-all-shortest',
        K_SHORTEST: 'traversal/paths-k-shortest',
      }[mode];
      const rows = await read<{ nodes: EntityRow[]; rels: RelationshipRow[] }>(context, statement, {
        from: args.from,
        to: args.to,
        types: typesParam(args.relationshipTypes),
        maxHops,
        k: mode === 'K_SHORTEST' ? bounded('k', args.k, TRAVERSAL_BOUNDS.k) : 1,
        limit,
        asOf: asOfParam(args.asOf),
        maxHubUses: PATH_MAX_HUB_USES,
      });
      if (rows.length === 0) {
        // No path, or no such entity: only then is it worth asking which.
        const [from, to] = await Promise.all([context.loaders.entity.load(args.from), context.loaders.entity.load(args.to)]);
        if (from === null) throw notFound('from', args.from);
        if (to === null) throw notFound('to', args.to);
      }
      const kept = rows.slice(0, limit);
      prime(
        context,
        kept.flatMap((row) => row.nodes),
      );
      return { paths: kept.map(pathOf), truncated: rows.length > limit };
    },

    attributions: async (_root, args, context, info) => {
      const limit = bounded('limit', args.limit, TRAVERSAL_BOUNDS.listLimit);
      const projection = attributionProjection(info);
      const common = {
        attributor: args.attributor ?? null,
        campaign: args.campaign ?? null,
        basis: args.basis ?? null,
        from: filterDate('from', args.from, 'start'),
        to: filterDate('to', args.to, 'end'),
        asOf: asOfParam(args.asOf),
        limit,
        ...projection,
      };
      // With an accused, the statement that starts from it; only the question about everyone scans.
      const rows =
        args.accused !== null && args.accused !== undefined
          ? await read<AttributionResult>(context, 'traversal/attributions-of-accused', {
              ...common,
              accused: args.accused,
              includeSponsoredActors: args.includeSponsoredActors === true,
            })
          : await read<AttributionResult>(context, 'traversal/attributions', common);
      const kept = rows.slice(0, limit);
      // Summary rows lack the other properties: the loader must not answer other fields from them.
      if (!projection.summary) {
        prime(
          context,
          kept.flatMap((row) => [row.response, row.attributor, row.accused, row.sponsor, row.campaign]),
        );
      }
      return { attributions: kept.map(attributionOf), truncated: rows.length > limit };
    },

    timeline: async (_root, args, context) => {
      const limit = bounded('limit', args.limit, TRAVERSAL_BOUNDS.listLimit);
      const [row] = await read<TimelineResult>(context, 'traversal/timeline', {
        id: args.entityId,
        asOf: asOfParam(args.asOf),
        limit,
      });
      if (row === undefined) throw notFound('entityId', args.entityId);
      const kept = row.events.slice(0, limit);
      prime(
        context,
        kept.map((event) => event.subject),
      );
      return {
        events: kept.map((event) => ({
          kind: event.kind,
          // The subject's own record of the date also says how it is known.
          date: partialDateOf(event.subject, DATE_OF_EVENT[event.kind]) ?? { start: event.on, precision: event.precision },
          subject: event.subject,
        })),
        truncated: row.events.length > limit,
      };
    },

    responseSummary: async (_root, args, context) => {
      const [row] = await read<SummaryResult>(context, 'traversal/response-summary', {
        campaign: args.campaign,
        asOf: asOfParam(args.asOf),
        limit: TRAVERSAL_BOUNDS.summaryResponses,
      });
      if (row === undefined) {
        const entity = await context.loaders.entity.load(args.campaign);
        if (entity === null) throw notFound('campaign', args.campaign);
        throw badUserInput('campaign', `"${args.campaign}" is a ${entity.kind}, not a Campaign`);
      }
      if (row.responses.length > TRAVERSAL_BOUNDS.summaryResponses) {
        throw badUserInput(
          'campaign',
          `has more than ${TRAVERSAL_BOUNDS.summaryResponses} responses; use responses(filter: { campaignId }) to page through them`,
        );
      }
      prime(context, [
        row.campaign,
        ...row.accused,
        ...row.responses.flatMap((item) => [item.response, item.party, item.partyState]),
      ]);
      return summaryOf(row);
    },
  },

  GraphEdge: {
    confidence: (edge) => confidenceOf(edge.props),
    claimedBy: (edge, _args, context) => entityOrNull(context, edge.props.claimedBy),
    stance: (edge) => (stringOrNull(edge.props.stance) ?? null) as never,
    basis: (edge) => (edge.type === 'REFERS_TO' ? stanceBasisOf(edge.props) : null),
    reportedBy: (edge, _args, context) => entityOrNull(context, edge.props.reportedBy),
    asset: (edge) => stringOrNull(edge.props.asset),
    title: (edge) => stringOrNull(edge.props.title),
    citations: (edge) => citationsOf(edge.props),
    knownSince: (edge) => stringOrNull(edge.props.knownSince),
  },

  Attribution: {
    reportedBy: (row, _args, context) => entityOrNull(context, row.reportedById),
  },

  GraphPath: {
    length: (path) => path.edges.length,
  },

  TimelineEvent: {
    responseTypes: (event) =>
      (event.kind === 'RESPONSE_ISSUED' && Array.isArray(event.subject.types) ? event.subject.types : []) as never,
    citations: (event) => citationsOf(event.subject),
    knownSince: (event) => stringOrNull(event.subject.knownSince),
  },
};

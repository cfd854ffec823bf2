import { badUserInput } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { RELATIONSHIP_TYPES, isOneOf } from '../../model/vocabulary.js';
import type { NodeRow } from '../../read/nodeRow.js';
import type { ConnectionRow, EntityRow, LinkConnectionRow, LinkRow, SearchConnectionRow } from '../../read/rows.js';
import type { GraphEdgeRow, RelationshipRow } from '../../read/traversalRows.js';
import type { Context } from '../context.js';
import type { PageResult } from '../loaders.js';
import { offsetPage, offsetWindow, type PageArgs } from '../pagination.js';
import { checkKinds, type Direction } from './shared.js';
import { searchQuery } from '../search.js';
import { WHOLE_ENTITIES, asksOnlySummary } from '../selection.js';

/**
 * Resolvers of schema/relay.graphql and Query.node: global ids for entities and relationships,
 * paged nested lists and paged search (Relay connections, both ways).
 */

/** A relationship's global id, the same as a GraphEdge's: TYPE:source->target, and #key when it has one. */
export function relationshipId(rel: Pick<RelationshipRow, 'type' | 'source' | 'target' | 'key'>): string {
  return `${rel.type}:${rel.source}->${rel.target}${rel.key ? `#${rel.key}` : ''}`;
}

/** The parts of a relationship id, or null when the id is not one (an entity id, say). */
export function parseRelationshipId(id: string): { type: string; source: string; target: string; key: string | null } | null {
  const match = /^([A-Z_]+):(.+?)->(.+)$/.exec(id);
  if (match === null || !isOneOf(RELATIONSHIP_TYPES, match[1]!)) return null;
  const [target, ...key] = match[3]!.split('#');
  return { type: match[1]!, source: match[2]!, target: target!, key: key.length > 0 ? key.join('#') : null };
}

function linkRelationshipId(link: LinkRow): string {
  const key = typeof link.props.key === 'string' && link.props.key !== '' ? link.props.key : null;
  const [source, target] = link.direction === 'OUT' ? [link.from, link.node.id] : [link.node.id, link.from];
  return relationshipId({ type: link.type, source, target, key });
}

/** `summary`: the selection reads only id, kind, name, description or knownSince of an entity. */
async function nodeById(context: Context, id: string, summary: boolean): Promise<NodeRow | null> {
  const parts = parseRelationshipId(id);
  if (parts === null) return (summary ? context.loaders.summaries : context.loaders.entity).load(id);
  const [row] = await context.db.read<RelationshipRow>('read/relationship-by-id', parts);
  if (row === undefined) return null;
  const edge: GraphEdgeRow = { ...row, id: relationshipId(row), direction: 'OUT' };
  return edge;
}

const MAX_NODES = 100;

// ---- paged nested lists

async function linkPage(
  context: Context,
  id: string,
  select: { types: string[] | null; direction: Direction; kinds: string[] | null },
  args: PageArgs,
): Promise<LinkConnectionRow> {
  const window = offsetWindow(args);
  const result = (await context.loaders.pages.load({
    statement: 'read/links-page',
    id,
    params: { ...select, from: window.from, to: window.to, limit: window.limit, backward: window.backward },
  })) as PageResult<Omit<LinkRow, 'from'>>;
  const rows = result.page.map((row) => {
    // The far end arrives whole; resolving it again as an entity then costs no query.
    context.loaders.entity.prime(row.node.id, row.node);
    return { ...row, from: id };
  });
  return offsetPage(rows, result.total, window);
}

async function responsePage(context: Context, id: string, types: string[], args: PageArgs): Promise<ConnectionRow> {
  const window = offsetWindow(args);
  const result = (await context.loaders.pages.load({
    statement: 'read/neighbors-page',
    id,
    params: {
      types,
      direction: 'IN',
      kinds: ['Response'],
      from: window.from,
      to: window.to,
      limit: window.limit,
      backward: window.backward,
    },
  })) as PageResult<EntityRow>;
  for (const node of result.page) context.loaders.entity.prime(node.id, node);
  return offsetPage(result.page, result.total, window);
}

type LinksArgs = PageArgs & { types?: readonly string[] | null; direction?: Direction | null };

const linksConnection = (row: EntityRow, args: LinksArgs, context: Context) =>
  linkPage(
    context,
    row.id,
    { types: args.types?.length ? [...args.types] : null, direction: args.direction ?? 'BOTH', kinds: null },
    args,
  );

// ---- paged search

/** Search pages reach the best hits only: ranking deeper is costly and rarely useful. */
export const MAX_SEARCH_HITS = 1000;

async function searchConnection(
  context: Context,
  args: PageArgs & { text: string; kinds?: readonly string[] | null },
): Promise<SearchConnectionRow> {
  const query = searchQuery(args.text);
  if (query === '') throw badUserInput('text', 'must contain at least one word');
  if (args.text.length > 500) throw badUserInput('text', 'must be at most 500 characters');
  const window = offsetWindow(args);
  if (window.backward && window.to === null) throw badUserInput('before', 'give before with last: the ranking has no fixed end');
  const end = Math.min(window.backward ? window.to! : window.from + window.limit, window.to ?? Infinity, MAX_SEARCH_HITS);
  const hits =
    end <= window.from
      ? []
      : await context.db.read<{ entity: EntityRow; score: number }>('read/search', {
          query,
          kinds: checkKinds(args.kinds),
          limit: end,
          ...WHOLE_ENTITIES,
        });
  const rows = window.backward ? hits.slice(Math.max(window.from, end - window.limit), end) : hits.slice(window.from, end);
  const page = offsetPage(rows, Math.max(hits.length, window.from), window);
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, score: edge.node.score, node: edge.node.entity })),
    pageInfo: page.pageInfo,
  };
}

const entityConnections = { linksConnection };
const linkIds = { relationshipId: linkRelationshipId };

export const relayResolvers: Resolvers = {
  Query: {
    node: (_root, { id }, context, info) => nodeById(context, id, asksOnlySummary(info)),
    nodes: (_root, { ids }, context, info) => {
      if (ids.length > MAX_NODES) throw badUserInput('ids', `must be at most ${MAX_NODES} ids, got ${ids.length}`);
      const summary = asksOnlySummary(info);
      return Promise.all(ids.map((id) => nodeById(context, id, summary)));
    },
    searchConnection: (_root, args, context) => searchConnection(context, args),
  },
  GraphEdge: {
    sourceEntity: async (edge, _args, context) => {
      const entity = await context.loaders.entity.load(edge.source);
      if (entity === null) throw new Error(`relationship ${edge.id} has no source entity`);
      return entity;
    },
    targetEntity: async (edge, _args, context) => {
      const entity = await context.loaders.entity.load(edge.target);
      if (entity === null) throw new Error(`relationship ${edge.id} has no target entity`);
      return entity;
    },
  },
  EntityLink: linkIds,
  StateLink: linkIds,
  OrganizationLink: linkIds,
  ThreatActorLink: linkIds,
  CampaignLink: linkIds,
  PersonLink: linkIds,
  ThreatActor: {
    ...entityConnections,
    usesConnection: (row, args, context) => linkPage(context, row.id, { types: ['USES'], direction: 'OUT', kinds: null }, args),
  },
  State: {
    ...entityConnections,
    responsesIssuedConnection: (row, args, context) => responsePage(context, row.id, ['ISSUED_BY', 'ON_BEHALF_OF'], args),
  },
  Organization: {
    ...entityConnections,
    responsesIssuedConnection: (row, args, context) => responsePage(context, row.id, ['ISSUED_BY', 'ON_BEHALF_OF'], args),
  },
  Person: {
    ...entityConnections,
    responsesIssuedConnection: (row, args, context) => responsePage(context, row.id, ['ISSUED_BY'], args),
  },
  Campaign: {
    ...entityConnections,
    responsesConnection: (row, args, context) => responsePage(context, row.id, ['CONCERNS'], args),
  },
  PersonGroup: entityConnections,
  Response: entityConnections,
  Source: entityConnections,
  IntelObject: entityConnections,
};

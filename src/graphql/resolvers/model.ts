import { toNeo4jDate } from '../../db/values.js';
import { apiError, badUserInput } from '../../errors.js';
import { nameKey } from '../../model/names.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../generated/graphql.js';
import type { Context } from '../context.js';
import { entityWithLists, preloaded } from '../preload.js';
import { WHOLE_ENTITIES, asksOnlySummary, fieldsOf, summaryProjection, type SummaryProjection } from '../selection.js';
import { LINK_FIELDS, type LinkField, type LinkFieldType } from './linkFields.js';
import { BY_NAME, paginate, type SortKey } from '../pagination.js';
import { searchQuery } from '../search.js';
import type { EntityRow, LinkRow, StanceRow } from '../../read/rows.js';
import {
  checkFirst,
  checkKinds,
  citationsOf,
  confidenceOf,
  entityOrNull,
  filterDate,
  graphqlTypeOf,
  links,
  linksTo,
  nodesVia,
  ofKinds,
  partialDateOf,
  partialDateResolvers,
  stanceBasisOf,
  type Direction,
} from './shared.js';

/** Resolvers of schema/model.graphql: entities, their typed relationships, lists, lookup and search. */

const NEWEST_FIRST: SortKey = {
  of: (row) => (typeof row.occurredOn === 'string' ? row.occurredOn : null),
  toParam: (key) => toNeo4jDate(key),
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Fields every entity type resolves alike. */
const entityFields = {
  aliases: (row: EntityRow, _args: unknown, context: Context) => context.loaders.aliases.load(row.id),
  citations: (row: EntityRow) => citationsOf(row),
  stixIds: (row: EntityRow) => strings(row.stixIds),
  attackIds: (row: EntityRow) => strings(row.attackIds),
  revoked: (row: EntityRow) => row.revoked === true || row.deprecated === true,
  links: (
    row: EntityRow,
    args: { types?: readonly string[] | null; direction?: Direction | null; first?: number | null },
    context: Context,
  ) => links(context, row.id, args.types?.length ? [...args.types] : null, args.direction ?? 'BOTH', checkFirst(args.first, 500)),
};

/** Fields every link type resolves alike. */
const linkFields = {
  confidence: (row: LinkRow) => confidenceOf(row.props),
  claimedBy: (row: LinkRow, _args: unknown, context: Context) => entityOrNull(context, row.props.claimedBy),
  citations: (row: LinkRow) => citationsOf(row.props),
  knownSince: (row: LinkRow) => stringOrNull(row.props.knownSince),
};
const asset = (row: LinkRow) => stringOrNull(row.props.asset);
const title = (row: LinkRow) => stringOrNull(row.props.title);

/** REFERS_TO relationships as stances; `from` is the entity they were read from. */
function stancesOf(rows: LinkRow[]): StanceRow[] {
  return rows.map((link) =>
    link.direction === 'OUT'
      ? { link, responseId: link.from, response: link.from, target: link.node }
      : { link, responseId: link.node.id, response: link.node, target: link.from },
  );
}

/**
 * The typed relationship fields of a type (linkFields.ts): from the lists read with the row when its
 * root field read them in one statement (src/graphql/preload.ts), else through the links loader.
 * Preloaded lists are answered synchronously: graphql-js then completes the items below without a
 * promise each (a two-level read has one per campaign).
 */
function typedLinks<T extends LinkFieldType>(typeName: T) {
  const fields: Record<string, LinkField> = LINK_FIELDS[typeName];
  return Object.fromEntries(
    Object.entries(fields).map(([field, spec]) => [
      field,
      (row: EntityRow, _args: unknown, context: Context) => {
        const known = preloaded(row, field);
        if (known === undefined) return linksTo(context, row.id, spec.types, spec.direction, spec.kinds);
        return ofKinds(known, spec.kinds);
      },
    ]),
  ) as Record<keyof (typeof LINK_FIELDS)[T], (row: EntityRow, args: unknown, context: Context) => LinkRow[] | Promise<LinkRow[]>>;
}

async function stancesReceived(row: EntityRow, _args: unknown, context: Context): Promise<StanceRow[]> {
  return stancesOf(await links(context, row.id, ['REFERS_TO'], 'IN'));
}

async function byIdOrName(
  context: Context,
  info: GraphQLResolveInfo,
  kind: string,
  id: string | null | undefined,
  name: string | null | undefined,
): Promise<EntityRow | null> {
  if (id) {
    // With the lists its selection asks for, in one statement, when it asks for such lists.
    const read = await entityWithLists(context, info, kind, id);
    if (read !== undefined) return read;
    const row = await context.loaders.entity.load(id);
    return row?.kind === kind ? row : null;
  }
  if (name) {
    // A name several entities carry (MISP's umbrella "Lazarus Group") is not silently one of them.
    const rows = await lookup(context, name, [kind], 20);
    if (rows.length > 1) {
      throw apiError(
        'BAD_USER_INPUT',
        `name: "${name}" names ${rows.length === 20 ? '20 or more' : rows.length} entities of kind ${kind}: ${rows
          .map((row) => `${row.id} "${row.name}"`)
          .join(', ')}; ask by id`,
        { argument: 'name', candidates: rows.map((row) => ({ id: row.id, name: row.name })) },
      );
    }
    return rows[0] ?? null;
  }
  throw badUserInput('id', 'give an id or a name');
}

async function lookup(
  context: Context,
  name: string,
  kinds: string[] | null,
  limit = 50,
  projection: SummaryProjection = WHOLE_ENTITIES,
): Promise<EntityRow[]> {
  const key = nameKey(name);
  if (key === '') throw badUserInput('name', 'must contain a letter or a digit');
  const rows = await context.db.read<{ entity: EntityRow }>('read/lookup-by-name', { key, kinds, limit, ...projection });
  return rows.map((row) => row.entity);
}

export const modelResolvers: Resolvers = {
  Query: {
    // A lookup asking only id, kind, name, description or knownSince reads only those.
    entity: (_root, { id }, context, info) =>
      (asksOnlySummary(info) ? context.loaders.summaries : context.loaders.entity).load(id),
    // Entities asked only for names (and descriptions) carry no other property.
    lookup: (_root, { name, kinds }, context, info) =>
      lookup(context, name, checkKinds(kinds), 50, summaryProjection(info, info.fieldNodes)),
    threatActor: (_root, { id, name }, context, info) => byIdOrName(context, info, 'ThreatActor', id, name),
    state: (_root, { id, name }, context, info) => byIdOrName(context, info, 'State', id, name),
    organization: (_root, { id, name }, context, info) => byIdOrName(context, info, 'Organization', id, name),
    person: (_root, { id, name }, context, info) => byIdOrName(context, info, 'Person', id, name),
    campaign: (_root, { id, name }, context, info) => byIdOrName(context, info, 'Campaign', id, name),
    response: (_root, { id }, context, info) => byIdOrName(context, info, 'Response', id, null),
    source: (_root, { id }, context, info) => byIdOrName(context, info, 'Source', id, null),

    threatActors: (_root, { filter, ...args }, context) =>
      paginate(
        context.db,
        'read/list/threat-actors',
        {
          sponsorId: filter?.sponsorId ?? null,
          nameContains: filter?.nameContains ? nameKey(filter.nameContains) : null,
        },
        args,
        BY_NAME,
      ),
    states: (_root, args, context) => paginate(context.db, 'read/list/by-kind', { kind: 'State' }, args, BY_NAME),
    persons: (_root, args, context) => paginate(context.db, 'read/list/by-kind', { kind: 'Person' }, args, BY_NAME),
    sources: (_root, args, context) => paginate(context.db, 'read/list/by-kind', { kind: 'Source' }, args, BY_NAME),
    organizations: (_root, { filter, ...args }, context) =>
      paginate(
        context.db,
        'read/list/organizations',
        { orgType: filter?.orgType ?? null, hasMemberId: filter?.hasMemberId ?? null },
        args,
        BY_NAME,
      ),
    campaigns: (_root, { filter, ...args }, context) =>
      paginate(
        context.db,
        'read/list/campaigns',
        {
          targetId: filter?.targetId ?? null,
          perpetratorId: filter?.perpetratorId ?? null,
          startedFrom: filterDate('filter.startedFrom', filter?.startedFrom, 'start'),
          startedTo: filterDate('filter.startedTo', filter?.startedTo, 'end'),
        },
        args,
        BY_NAME,
      ),
    responses: (_root, { filter, ...args }, context) =>
      paginate(
        context.db,
        'read/list/responses',
        {
          types: filter?.types?.length ? [...filter.types] : null,
          issuerId: filter?.issuerId ?? null,
          namesResponsibleId: filter?.namesResponsibleId ?? null,
          refersToId: filter?.refersToId ?? null,
          stance: filter?.stance ?? null,
          campaignId: filter?.campaignId ?? null,
          from: filterDate('filter.from', filter?.from, 'start'),
          to: filterDate('filter.to', filter?.to, 'end'),
        },
        args,
        NEWEST_FIRST,
      ),
    search: async (_root, { text, kinds, first }, context, info) => {
      const query = searchQuery(text);
      if (query === '') throw badUserInput('text', 'must contain at least one word');
      if (text.length > 500) throw badUserInput('text', 'must be at most 500 characters');
      // Hits asked only for names (and descriptions) carry no other property of the entity.
      const rows = await context.db.read<{ entity: EntityRow; score: number }>('read/search', {
        query,
        kinds: checkKinds(kinds),
        limit: checkFirst(first),
        ...summaryProjection(info, fieldsOf(info).get('entity') ?? []),
      });
      return rows;
    },
  },

  Entity: { __resolveType: (row) => graphqlTypeOf(row) as never },
  // Entities have a kind; the other nodes are relationships (GraphEdge).
  Node: { __resolveType: (row) => ('kind' in row ? graphqlTypeOf(row) : 'GraphEdge') as never },
  Link: { __resolveType: () => 'EntityLink' },

  PartialDate: partialDateResolvers,
  Citation: {
    source: async (citation, _args, context) => {
      const source = await context.loaders.entity.load(citation.sourceId);
      // Sources are never deleted while cited (the write path checks), so a miss is a broken graph.
      if (source === null) throw new Error(`cited source ${citation.sourceId} is missing`);
      return source;
    },
  },
  Alias: {
    citations: (alias) => citationsOf(alias),
    givenBy: (alias) => alias.givenBy || null,
  },

  EntityLink: { ...linkFields, asset, title },
  StateLink: linkFields,
  OrganizationLink: { ...linkFields, title },
  ThreatActorLink: linkFields,
  CampaignLink: { ...linkFields, asset },
  PersonLink: { ...linkFields, title },

  Stance: {
    stance: (row) => row.link.props.stance as never,
    response: async (row, _args, context) =>
      typeof row.response === 'string' ? (await context.loaders.entity.load(row.response))! : row.response,
    target: async (row, _args, context) =>
      typeof row.target === 'string' ? (await context.loaders.entity.load(row.target))! : row.target,
    citations: (row) => citationsOf(row.link.props),
    knownSince: (row) => stringOrNull(row.link.props.knownSince),
    basis: (row) => stanceBasisOf(row.link.props),
    reportedBy: (row, _args, context) => entityOrNull(context, row.link.props.reportedBy),
  },

  ThreatActor: {
    ...entityFields,
    ...typedLinks('ThreatActor'),
    stancesReceived,
  },
  State: {
    ...entityFields,
    isoCode: (row) => stringOrNull(row.isoCode),
    ...typedLinks('State'),
    responsesIssued: (row, _args, context) => nodesVia(context, row.id, ['ISSUED_BY', 'ON_BEHALF_OF'], 'IN'),
    stancesReceived,
  },
  Organization: {
    ...entityFields,
    orgType: (row) => (row.orgType ?? null) as never,
    ...typedLinks('Organization'),
    responsesIssued: (row, _args, context) => nodesVia(context, row.id, ['ISSUED_BY', 'ON_BEHALF_OF'], 'IN'),
    stancesReceived,
  },
  Person: {
    ...entityFields,
    ...typedLinks('Person'),
    responsesIssued: (row, _args, context) => nodesVia(context, row.id, ['ISSUED_BY'], 'IN'),
    stancesReceived,
  },
  PersonGroup: {
    ...entityFields,
    size: (row) => (typeof row.size === 'number' ? row.size : null),
    nationality: (row) => stringOrNull(row.nationality),
    ...typedLinks('PersonGroup'),
    stancesReceived,
  },
  Campaign: {
    ...entityFields,
    started: (row) => partialDateOf(row, 'started'),
    disclosed: (row) => partialDateOf(row, 'disclosed'),
    ...typedLinks('Campaign'),
    responses: (row, _args, context) => nodesVia(context, row.id, ['CONCERNS'], 'IN'),
  },
  Response: {
    ...entityFields,
    types: (row) => strings(row.types) as never,
    // EuRepoC leaves many attributions undated and their issuer unnamed: null rather than a guess.
    date: (row) => partialDateOf(row, 'occurred'),
    issuer: async (row, _args, context) => (await nodesVia(context, row.id, ['ISSUED_BY'], 'OUT'))[0] ?? null,
    onBehalfOf: async (row, _args, context) => (await nodesVia(context, row.id, ['ON_BEHALF_OF'], 'OUT'))[0] ?? null,
    concerns: async (row, _args, context) =>
      (await nodesVia(context, row.id, ['CONCERNS'], 'OUT')).filter((node) => node.kind === 'Campaign'),
    stances: async (row, _args, context) => stancesOf(await links(context, row.id, ['REFERS_TO'], 'OUT')),
    confidence: (row) => confidenceOf(row),
    basis: (row) => stringOrNull(row.basis),
    acknowledges: (row, _args, context) => nodesVia(context, row.id, ['ACKNOWLEDGES'], 'OUT'),
    acknowledgedBy: (row, _args, context) => nodesVia(context, row.id, ['ACKNOWLEDGES'], 'IN'),
  },
  Source: {
    ...entityFields,
    title: (row) => row.name,
    titleIsDescriptive: (row) => row.titleIsDescriptive === true,
    publisher: (row) => stringOrNull(row.publisher),
    url: (row) => stringOrNull(row.url),
    published: (row) => partialDateOf(row, 'published'),
    sourceType: (row) => (row.sourceType ?? null) as never,
    textFile: (row) => stringOrNull(row.textFile),
  },
  IntelObject: entityFields,
};

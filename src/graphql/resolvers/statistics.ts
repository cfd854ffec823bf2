import type { GraphQLResolveInfo } from 'graphql';
import { toNeo4jDate } from '../../db/values.js';
import { badUserInput } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { parsePartialDate } from '../../model/partialDate.js';
import type { EntityRow } from '../../read/rows.js';
import type {
  AttributionYearRow,
  AttributorAccusedRow,
  ResponseShareRow,
  ResponseStatisticsRow,
  TimeToAttributionRow,
} from '../../read/statisticsRows.js';
import type { Context } from '../context.js';
import { NAME_FIELDS, askedBelow, fieldsOf } from '../selection.js';

/**
 * Resolvers of schema/statistics.graphql: each figure is one statement of cypher/statistics/, run
 * only when the operation asks for it, with the asOf and sourceId given to responseStatistics.
 */

const TIMEOUT_MS = 10_000;

function checkedAsOf(asOf: string | null | undefined): string | null {
  if (asOf === null || asOf === undefined) return null;
  const parsed = parsePartialDate(asOf);
  if (typeof parsed === 'string') throw badUserInput('asOf', parsed);
  if (parsed.precision !== 'DAY') throw badUserInput('asOf', `must be a day, YYYY-MM-DD, got "${asOf}"`);
  return parsed.start;
}

/** The fields of a figure's rows that are States. */
const STATE_FIELDS = ['attributor', 'accused'];

/**
 * Whether the States of a figure are asked only their id, kind or name: a table of who attributes
 * to whom then reads no description or citation of each State (most of the API's CPU for it).
 */
function namesOnly(info: GraphQLResolveInfo): boolean {
  const selected = fieldsOf(info);
  const states = STATE_FIELDS.flatMap((field) => selected.get(field) ?? []);
  return askedBelow(info, states).every((name) => NAME_FIELDS.has(name));
}

async function figures<T extends object>(
  context: Context,
  statement: string,
  parent: ResponseStatisticsRow,
  info: GraphQLResolveInfo,
): Promise<T[]> {
  const names = namesOnly(info);
  const rows = await context.db.read<T>(
    `statistics/${statement}`,
    { asOf: parent.asOf === null ? null : toNeo4jDate(parent.asOf), source: parent.sourceId, namesOnly: names },
    { timeoutMs: TIMEOUT_MS },
  );
  // Whole States prime the loader, so that their other fields cost no query; rows of names alone must not.
  if (!names) {
    for (const row of rows) {
      for (const field of STATE_FIELDS) {
        const state = (row as Record<string, unknown>)[field] as EntityRow | undefined;
        if (state !== undefined) context.loaders.entity.prime(state.id, state);
      }
    }
  }
  return rows;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

export const statisticsResolvers: Resolvers = {
  Query: {
    responseStatistics: (_root, args) => ({ asOf: checkedAsOf(args.asOf), sourceId: args.sourceId ?? null }),
  },
  ResponseStatistics: {
    asOf: (parent) => parent.asOf,
    sourceId: (parent) => parent.sourceId,
    attributionsPerYear: (parent, _args, context, info) =>
      figures<AttributionYearRow>(context, 'attributions-per-accused-state-year', parent, info),
    attributorAccused: (parent, _args, context, info) =>
      figures<AttributorAccusedRow>(context, 'attributor-accused-pairs', parent, info),
    responseShare: async (parent, _args, context, info) => {
      const rows = await figures<ResponseShareRow>(context, 'response-share-by-accused-state', parent, info);
      return rows.map((row) => ({
        ...row,
        politicalShare: share(row.political, row.incidents),
        legalShare: share(row.legal, row.incidents),
        eitherShare: share(row.either, row.incidents),
      }));
    },
    timeToFirstAttribution: async (parent, _args, context, info) => {
      const rows = await figures<TimeToAttributionRow>(context, 'time-to-first-attribution', parent, info);
      return rows.map((row) => ({ ...row, attributedBeforeStart: row.negative }));
    },
  },
};

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

async function figures<T extends object>(context: Context, statement: string, parent: ResponseStatisticsRow): Promise<T[]> {
  return context.db.read<T>(
    `statistics/${statement}`,
    { asOf: parent.asOf === null ? null : toNeo4jDate(parent.asOf), source: parent.sourceId },
    { timeoutMs: TIMEOUT_MS },
  );
}

/** The states arrive whole; their fields then cost no query. */
function prime(context: Context, states: EntityRow[]): void {
  for (const state of states) context.loaders.entity.prime(state.id, state);
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

export const statisticsResolvers: Resolvers = {
  Query: {
    responseStatistics: (_root, args) => ({ asOf: checkedAsOf(args.asOf), sourceId: args.sourceId ?? null }),
  },
  ResponseStatistics: {
    asOf: (parent) => parent.asOf,
    sourceId: (parent) => parent.sourceId,
    attributionsPerYear: async (parent, _args, context) => {
      const rows = await figures<AttributionYearRow>(context, 'attributions-per-accused-state-year', parent);
      prime(
        context,
        rows.map((row) => row.accused),
      );
      return rows;
    },
    attributorAccused: async (parent, _args, context) => {
      const rows = await figures<AttributorAccusedRow>(context, 'attributor-accused-pairs', parent);
      prime(
        context,
        rows.flatMap((row) => [row.attributor, row.accused]),
      );
      return rows;
    },
    responseShare: async (parent, _args, context) => {
      const rows = await figures<ResponseShareRow>(context, 'response-share-by-accused-state', parent);
      prime(
        context,
        rows.map((row) => row.accused),
      );
      return rows.map((row) => ({
        ...row,
        politicalShare: share(row.political, row.incidents),
        legalShare: share(row.legal, row.incidents),
        eitherShare: share(row.either, row.incidents),
      }));
    },
    timeToFirstAttribution: async (parent, _args, context) => {
      const rows = await figures<TimeToAttributionRow>(context, 'time-to-first-attribution', parent);
      prime(
        context,
        rows.map((row) => row.accused),
      );
      return rows.map((row) => ({ ...row, attributedBeforeStart: row.negative }));
    },
  },
};

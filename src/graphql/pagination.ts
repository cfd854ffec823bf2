import type { Database, Params } from '../db/database.js';
import { badUserInput } from '../errors.js';
import type { ConnectionRow, EntityRow, PageInfoRow, PageOf } from '../read/rows.js';

/**
 * Relay cursor pagination, both ways: first/after pages forward, last/before backward.
 *
 * Top-level lists (cypher/read/list/*) page by keyset, not offset, so a page stays correct while
 * the graph changes: a cursor is the sort key and id of an entity. Nested lists and search page by
 * offset (a cursor is a position), which is simple and right for lists read whole per parent.
 */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Which way to page and how many: first (default 20) forward, or last backward. */
export interface PageSize {
  backward: boolean;
  size: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(args: PageArgs, max = MAX_PAGE_SIZE): PageSize {
  const { first, last } = args;
  if (first !== null && first !== undefined && last !== null && last !== undefined) {
    throw badUserInput('last', 'give first or last, not both');
  }
  const backward = last !== null && last !== undefined;
  const size = backward ? last : (first ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(backward ? 'last' : 'first', `must be from 1 to ${max}, got ${size}`);
  }
  return { backward, size };
}

/**
 * The page of `rows` (up to size + 1 of the window between the cursors, from its start or, paging
 * backward, from its end): the extra row says whether the window goes on past the page.
 */
function pageOf<T>(
  rows: T[],
  { backward, size }: PageSize,
  outside: { before: boolean; after: boolean },
): { page: T[]; hasPreviousPage: boolean; hasNextPage: boolean } {
  const more = rows.length > size;
  if (backward) {
    return {
      page: more ? rows.slice(rows.length - size) : rows,
      hasPreviousPage: more || outside.before,
      hasNextPage: outside.after,
    };
  }
  return { page: more ? rows.slice(0, size) : rows, hasPreviousPage: outside.before, hasNextPage: more || outside.after };
}

function pageInfo(cursors: string[], hasPreviousPage: boolean, hasNextPage: boolean): PageInfoRow {
  return { hasPreviousPage, hasNextPage, startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
}

// ---- keyset (top-level lists)

export interface SortKey {
  /** The property a list is sorted by (nameKey, occurredOn). */
  of(row: EntityRow): string | null;
  /** The cursor's key as a statement parameter (dates must be Neo4j dates). */
  toParam(key: string): unknown;
}

export const BY_NAME: SortKey = {
  of: (row) => (typeof row.nameKey === 'string' ? row.nameKey : ''),
  toParam: (key) => key,
};

function encodeKey(key: string | null, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeKey(argument: string, cursor: string): [string | null, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[1] === 'string' &&
      (value[0] === null || typeof value[0] === 'string')
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(argument, 'is not a cursor this list returned');
}

/** A page of a cypher/read/list statement: it returns totalCount, skippedBefore, skippedAfter and page. */
export async function paginate(
  db: Database,
  statement: string,
  params: Params,
  args: PageArgs,
  sort: SortKey,
): Promise<ConnectionRow> {
  const size = pageSize(args);
  const [afterKey, afterId] = args.after ? decodeKey('after', args.after) : [null, null];
  const [beforeKey, beforeId] = args.before ? decodeKey('before', args.before) : [null, null];
  const [row] = await db.read<{ totalCount: number; skippedBefore: number; skippedAfter: number; page: EntityRow[] }>(statement, {
    ...params,
    afterKey: afterKey === null ? null : sort.toParam(afterKey),
    afterId,
    beforeKey: beforeKey === null ? null : sort.toParam(beforeKey),
    beforeId,
    backward: size.backward,
    // One extra row tells whether the window goes on past the page.
    limit: size.size + 1,
  });
  const { page, hasPreviousPage, hasNextPage } = pageOf(row?.page ?? [], size, {
    before: (row?.skippedBefore ?? 0) > 0,
    after: (row?.skippedAfter ?? 0) > 0,
  });
  const edges = page.map((node) => ({ cursor: encodeKey(sort.of(node), node.id), node }));
  return {
    totalCount: row?.totalCount ?? 0,
    edges,
    pageInfo: pageInfo(
      edges.map((edge) => edge.cursor),
      hasPreviousPage,
      hasNextPage,
    ),
  };
}

// ---- offset (nested lists, search)

const OFFSET_PREFIX = 'offset:';

export function encodeOffset(offset: number): string {
  return Buffer.from(`${OFFSET_PREFIX}${offset}`).toString('base64url');
}

function decodeOffset(argument: string, cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(OFFSET_PREFIX) ? Number(text.slice(OFFSET_PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) throw badUserInput(argument, 'is not a cursor this list returned');
  return offset;
}

/**
 * The positions a statement reads for an offset page: the window [from, to) between the cursors
 * (to null: the end), and how many rows of it, from its start or from its end when backward.
 */
export interface OffsetWindow extends PageSize {
  from: number;
  to: number | null;
  /** Rows to read: one more than the page, to tell whether the window goes on. */
  limit: number;
}

export function offsetWindow(args: PageArgs, max = MAX_PAGE_SIZE): OffsetWindow {
  const size = pageSize(args, max);
  const from = args.after ? decodeOffset('after', args.after) + 1 : 0;
  const to = args.before ? decodeOffset('before', args.before) : null;
  return { ...size, from, to: to === null ? null : Math.max(to, from), limit: size.size + 1 };
}

/**
 * The connection of an offset window's rows: `rows` are up to window.limit rows of the window (its
 * first ones, or its last ones when backward), `total` the length of the whole list.
 */
export function offsetPage<T>(rows: T[], total: number, window: OffsetWindow): PageOf<T> {
  const end = Math.min(window.to ?? total, total);
  const { page, hasPreviousPage, hasNextPage } = pageOf(rows, window, { before: window.from > 0, after: end < total });
  const start = window.backward ? end - page.length : window.from;
  const edges = page.map((node, index) => ({ cursor: encodeOffset(start + index), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: pageInfo(
      edges.map((edge) => edge.cursor),
      hasPreviousPage,
      hasNextPage,
    ),
  };
}

/** The keyset cursor of a top-level list, as clients see it. */
export const encodeCursor = encodeKey;

/** Reads a keyset cursor back; a cursor no list returned is refused naming the argument. */
export function decodeCursor(cursor: string, argument: 'after' | 'before' = 'after'): [string | null, string] {
  return decodeKey(argument, cursor);
}

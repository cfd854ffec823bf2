import type { Database, Params } from '../db/database.js';
import { badUserInput } from '../errors.js';
import type { ConnectionRow, EntityRow } from '../read/rows.js';

/**
 * Relay cursor pagination over cypher/read/list/*: keyset, not offset, so a page stays correct
 * while the graph changes. A cursor is the sort key and id of the last entity of a page.
 */

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

export function encodeCursor(key: string | null, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | null, string] {
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
  throw badUserInput('after', 'is not a cursor this list returned');
}

export async function paginate(
  db: Database,
  statement: string,
  params: Params,
  first: number,
  after: string | null | undefined,
  sort: SortKey,
): Promise<ConnectionRow> {
  const [afterKey, afterId] = after ? decodeCursor(after) : [null, null];
  // One extra row tells whether there is a next page.
  const [row] = await db.read<{ totalCount: number; page: EntityRow[] }>(statement, {
    ...params,
    afterKey: afterKey === null ? null : sort.toParam(afterKey),
    afterId,
    limit: first + 1,
  });
  const page = row?.page ?? [];
  const edges = page.slice(0, first).map((node) => ({ cursor: encodeCursor(sort.of(node), node.id), node }));
  return {
    totalCount: row?.totalCount ?? 0,
    edges,
    pageInfo: { hasNextPage: page.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

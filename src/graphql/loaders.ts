import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { AliasRow, EntityRow, LinkRow } from '../read/rows.js';

/**
 * Per-request batching: every entity, alias list and relationship list a request needs at one
 * level of the query is fetched with one statement, whatever the number of parents (no N+1).
 */

export interface LinkQuery {
  id: string;
  /** Relationship types, or null for all. */
  types: string[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  limit: number;
}

/** A page of a nested list of one entity: a statement of cypher/read/*-page and its window. */
export interface PageQuery {
  statement: 'read/links-page' | 'read/neighbors-page';
  id: string;
  /** Every parameter but $ids: the same for every parent that asks for the same page. */
  params: Record<string, unknown>;
}

export interface PageResult<T> {
  total: number;
  page: T[];
}

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  /** Entities with only id, kind, name, description and knownSince, for lookups that ask nothing else. */
  summaries: DataLoader<string, EntityRow | null>;
  aliases: DataLoader<string, AliasRow[]>;
  links: DataLoader<LinkQuery, LinkRow[], string>;
  /** Pages of nested lists, one statement per distinct (statement, window) for all parents. */
  pages: DataLoader<PageQuery, PageResult<unknown>, string>;
}

/** Links of the first typed field may be read for many parents; the same limit covers every field. */
export const DEFAULT_LINK_LIMIT = 500;

function linkKey(query: LinkQuery): string {
  return `${query.direction}|${query.limit}|${query.types === null ? '*' : [...query.types].sort().join(',')}|${query.id}`;
}

export function createLoaders(db: Database): Loaders {
  const entity = new DataLoader<string, EntityRow | null>(async (ids) => {
    const rows = await db.read<{ entity: EntityRow }>('read/entities-by-id', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [row.entity.id, row.entity]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const summaries = new DataLoader<string, EntityRow | null>(async (ids) => {
    const rows = await db.read<{ entity: EntityRow }>('read/entity-summaries-by-id', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [row.entity.id, row.entity]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const aliases = new DataLoader<string, AliasRow[]>(async (ids) => {
    const rows = await db.read<AliasRow & { id: string }>('read/aliases', { ids: [...ids] });
    return ids.map((id) => rows.filter((row) => row.id === id));
  });

  const links = new DataLoader<LinkQuery, LinkRow[], string>(
    async (queries) => {
      // One statement per distinct (types, direction, limit); each covers all parents asking it.
      const groups = new Map<string, LinkQuery[]>();
      for (const query of queries) {
        const group = linkKey({ ...query, id: '' });
        groups.set(group, [...(groups.get(group) ?? []), query]);
      }
      const results = new Map<string, LinkRow[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const rows = await db.read<Omit<LinkRow, 'from'> & { id: string }>('read/links', {
            ids: group.map((query) => query.id),
            types: first.types,
            direction: first.direction,
            limit: first.limit,
          });
          for (const query of group) results.set(linkKey(query), []);
          for (const { id, ...row } of rows) {
            results.get(linkKey({ ...first, id }))?.push({ ...row, from: id });
            // The far end arrives whole; resolving it again as an entity then costs no query.
            entity.prime(row.node.id, row.node);
          }
        }),
      );
      return queries.map((query) => results.get(linkKey(query)) ?? []);
    },
    { cacheKeyFn: linkKey },
  );

  const pageGroup = (query: PageQuery): string => `${query.statement}|${JSON.stringify(query.params)}`;
  const pages = new DataLoader<PageQuery, PageResult<unknown>, string>(
    async (queries) => {
      const groups = new Map<string, PageQuery[]>();
      for (const query of queries) groups.set(pageGroup(query), [...(groups.get(pageGroup(query)) ?? []), query]);
      const results = new Map<string, PageResult<unknown>>();
      await Promise.all(
        [...groups.entries()].map(async ([group, members]) => {
          const first = members[0]!;
          const rows = await db.read<{ id: string; total: number; page: unknown[] }>(first.statement, {
            ...first.params,
            ids: members.map((query) => query.id),
          });
          for (const row of rows) results.set(`${group}|${row.id}`, { total: row.total, page: row.page });
        }),
      );
      return queries.map((query) => results.get(`${pageGroup(query)}|${query.id}`) ?? { total: 0, page: [] });
    },
    { cacheKeyFn: (query) => `${pageGroup(query)}|${query.id}` },
  );

  return { entity, summaries, aliases, links, pages };
}

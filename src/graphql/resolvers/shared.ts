import { badUserInput } from '../../errors.js';
import { formatPartialDate, parsePartialDate, partialDateEnd } from '../../model/partialDate.js';
import { decodeCitations } from '../../model/citations.js';
import { DATE_BASES, ENTITY_KINDS, STANCE_BASES, hasOwnType, isOneOf } from '../../model/vocabulary.js';
import type { Context } from '../context.js';
import { DEFAULT_LINK_LIMIT } from '../loaders.js';
import type { CitationRow, ConfidenceRow, EntityRow, LinkRow, PartialDateRow } from '../../read/rows.js';
import { toNeo4jDate } from '../../db/values.js';

/** Helpers shared by the model's resolvers: citations, partial dates, links, pagination. */

export function citationsOf(row: { citeSources?: unknown; citeQuotes?: unknown } | null | undefined): CitationRow[] {
  return decodeCitations(row?.citeSources, row?.citeQuotes);
}

export function partialDateOf(row: Record<string, unknown>, name: string): PartialDateRow | null {
  const start = row[`${name}On`];
  const precision = row[`${name}Precision`];
  if (typeof start !== 'string' || (precision !== 'YEAR' && precision !== 'MONTH' && precision !== 'DAY')) return null;
  const basis = row[`${name}Basis`];
  const source = row[`${name}Source`];
  const quote = row[`${name}Quote`];
  return {
    start,
    precision,
    basis: isOneOf(DATE_BASES, basis) ? basis : null,
    inferredFrom: typeof row[`${name}InferredFrom`] === 'string' ? (row[`${name}InferredFrom`] as string) : null,
    citation: typeof source === 'string' ? { sourceId: source, quote: typeof quote === 'string' ? quote : null } : null,
  };
}

/** A stance's basis as stored on its REFERS_TO relationship; null where it was not recorded. */
export function stanceBasisOf(props: Record<string, unknown>): (typeof STANCE_BASES)[number] | null {
  return isOneOf(STANCE_BASES, props.basis) ? props.basis : null;
}

export function confidenceOf(props: Record<string, unknown>): ConfidenceRow | null {
  const score = typeof props.confidence === 'number' ? props.confidence : null;
  const text = typeof props.confidenceText === 'string' ? props.confidenceText : null;
  return score === null && text === null ? null : { score, text };
}

export const partialDateResolvers = {
  text: (date: PartialDateRow) => formatPartialDate(date.start, date.precision),
  precision: (date: PartialDateRow) => date.precision,
  start: (date: PartialDateRow) => date.start,
  end: (date: PartialDateRow) => partialDateEnd(date),
  basis: (date: PartialDateRow) => date.basis ?? null,
  inferredFrom: (date: PartialDateRow) => date.inferredFrom ?? null,
  citation: (date: PartialDateRow) => date.citation ?? null,
};

/** GraphQL object type for an entity row: kinds with a type of their own, IntelObject for the rest. */
export function graphqlTypeOf(row: EntityRow): string {
  return hasOwnType(row.kind) ? row.kind : 'IntelObject';
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

export function links(
  context: Context,
  id: string,
  types: string[] | null,
  direction: Direction,
  limit: number = DEFAULT_LINK_LIMIT,
): Promise<LinkRow[]> {
  return context.loaders.links.load({ id, types, direction, limit });
}

/** Links whose far end is of one of the given kinds (a typed field such as State.memberOf); all when null. */
export function ofKinds(rows: LinkRow[], kinds: readonly string[] | null): LinkRow[] {
  return kinds === null ? rows : rows.filter((row) => kinds.includes(row.node.kind));
}

/** Links through the links loader, of the given kinds at their far end (ofKinds). */
export async function linksTo(
  context: Context,
  id: string,
  types: string[],
  direction: Direction,
  kinds: string[] | null,
): Promise<LinkRow[]> {
  return ofKinds(await links(context, id, types, direction), kinds);
}

/** The far ends of links, deduplicated and in order (responses issued by or on behalf of an entity). */
export async function nodesVia(context: Context, id: string, types: string[], direction: Direction): Promise<EntityRow[]> {
  const seen = new Set<string>();
  return (await links(context, id, types, direction)).flatMap((row) =>
    seen.has(row.node.id) ? [] : (seen.add(row.node.id), [row.node]),
  );
}

export async function entityOrNull(context: Context, id: unknown): Promise<EntityRow | null> {
  return typeof id === 'string' && id !== '' ? context.loaders.entity.load(id) : null;
}

export function checkFirst(first: number | null | undefined, max = 100): number {
  const value = first ?? 20;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput('first', `must be from 1 to ${max}, got ${value}`);
  return value;
}

export function checkKinds(kinds: readonly string[] | null | undefined): string[] | null {
  if (kinds === null || kinds === undefined || kinds.length === 0) return null;
  for (const kind of kinds) if (!isOneOf(ENTITY_KINDS, kind)) throw badUserInput('kinds', `unknown kind ${kind}`);
  return [...kinds];
}

/** A filter date: the first day of its period for "from", the last for "to" (2022 → 2022-12-31). */
export function filterDate(argument: string, text: string | null | undefined, edge: 'start' | 'end'): unknown {
  if (text === null || text === undefined) return null;
  const parsed = parsePartialDate(text);
  if (typeof parsed === 'string') throw badUserInput(argument, parsed);
  return toNeo4jDate(edge === 'start' ? parsed.start : partialDateEnd(parsed));
}

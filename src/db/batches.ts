/**
 * Long lists go to Neo4j in batches (UNWIND over one parameter list per statement), so that one
 * statement's parameters and transaction state stay small whatever the size of an import.
 */

/** Rows written per statement by the changeset's apply. */
export const WRITE_BATCH = 2_000;
/** Ids looked up per statement (the entities an export reads). */
export const LOOKUP_BATCH = 2_000;
/** Ids and name keys entity resolution looks up per statement (small rows, one index seek each). */
export const RESOLVE_BATCH = 5_000;

export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

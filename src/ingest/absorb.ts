import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../db/database.js';
import { recordChanges, snapshot, snapshotRows } from '../editing/audit.js';

/**
 * Merges an actor an earlier import created into the actor a new file shows it to be (a new file's
 * object carries a strong identifier of one and a name of the other, e.g. ATT&CK's ZIRCONIUM with
 * G0128 and "APT31"): the relationships, aliases, citations, identifiers and every source's
 * statements move to the entity kept, and the other is deleted. Like an editor's merge, it is
 * written to the audit trail as a MERGE change with both entities as they were, so `undoMerge`
 * reverses it; `why` says which key joined them and from which file.
 */

export interface Absorb {
  from: string;
  into: string;
  why: string;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function union(...lists: unknown[]): string[] {
  return [...new Set(lists.flatMap(list))];
}

/** Citations as aligned lists, each (source, quote) pair once. */
function citationUnion(a: Record<string, unknown>, b: Record<string, unknown>): { citeSources: string[]; citeQuotes: string[] } {
  const sources = list(a.citeSources);
  const quotes = list(a.citeQuotes);
  const otherSources = list(b.citeSources);
  const otherQuotes = list(b.citeQuotes);
  otherSources.forEach((source, i) => {
    const quote = otherQuotes[i] ?? '';
    if (!sources.some((s, j) => s === source && (quotes[j] ?? '') === quote)) {
      sources.push(source);
      quotes.push(quote);
    }
  });
  return { citeSources: sources, citeQuotes: quotes };
}

/** Statements (aligned keys, hashes, records) of both, the kept entity's first. */
export function statementUnion(keep: Record<string, unknown>, merged: Record<string, unknown>): Record<string, string[]> {
  const keys = list(keep.mergeKeys);
  const hashes = list(keep.mergeHashes);
  const records = list(keep.mergeRecords);
  const otherHashes = list(merged.mergeHashes);
  const otherRecords = list(merged.mergeRecords);
  list(merged.mergeKeys).forEach((key, i) => {
    if (keys.includes(key)) return;
    keys.push(key);
    hashes.push(otherHashes[i] ?? '');
    records.push(otherRecords[i] ?? '');
  });
  return { mergeKeys: keys, mergeHashes: hashes, mergeRecords: records };
}

export async function absorbEntity(tx: Transaction, principal: Principal, absorb: Absorb): Promise<void> {
  const keepBefore = await snapshot(tx, absorb.into);
  const mergedBefore = await snapshot(tx, absorb.from);
  if (keepBefore === null || mergedBefore === null) return;
  const keep = keepBefore.entity;
  const merged = mergedBefore.entity;
  const moved = snapshotRows(absorb.into, mergedBefore);
  // A relationship between the two would become a loop (a POSSIBLY_SAME_AS they are): dropped.
  await tx.run('import/move-relationships', { rows: moved.entityRows.filter((row) => row.from !== row.to) });
  await tx.run('write/upsert-aliases', { rows: moved.aliasRows });
  await tx.run('edit/set-properties', {
    id: absorb.into,
    props: {
      ...citationUnion(keep, merged),
      ...statementUnion(keep, merged),
      mergedSources: union(keep.mergedSources, merged.citeSources),
      stixIds: union(keep.stixIds, merged.stixIds),
      attackIds: union(keep.attackIds, merged.attackIds),
      mispUuids: union(keep.mispUuids, merged.mispUuids),
      mergedExternalIds: union(keep.mergedExternalIds, [absorb.from], merged.mergedExternalIds),
    },
  });
  await tx.run('edit/delete-entity', { id: absorb.from });
  await tx.run('write/refresh-alias-text', { ids: [absorb.into] });
  // The kept entity as the merge left it: undoMerge refuses when anything but derived
  // POSSIBLY_SAME_AS changed since (src/editing/mergeReferences.ts).
  const keepAfter = await snapshot(tx, absorb.into);
  await recordChanges(tx, principal, [
    {
      entityId: absorb.into,
      operation: 'MERGE',
      reason: absorb.why,
      before: { keep: keepBefore, merged: mergedBefore },
      after: { mergedId: absorb.from, updatedAt: keepAfter?.entity.updatedAt ?? null, keepAfter },
    },
    { entityId: absorb.from, operation: 'MERGED_AWAY', reason: absorb.why, before: mergedBefore, after: { into: absorb.into } },
  ]);
}

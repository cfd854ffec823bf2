import { batches, WRITE_BATCH } from '../db/batches.js';
import type { Transaction } from '../db/database.js';
import { relationshipIdentity } from '../model/relationshipIdentity.js';
import type { Changeset } from './changeset.js';

/**
 * What the graph holds already of a changeset's entities and relationships: read before writing, so
 * that unchanged rows are counted instead of written and new ones are created without a lookup.
 */

/** A statement the graph holds already, with the same content and every citation, needs no write. */
export function statementHeld(
  statement: { id: string; key: string; hash: string; citeSources: readonly string[] },
  existing: Existing,
): boolean {
  const held = existing.statements.get(statement.id);
  if (held === undefined) return false;
  const index = held.keys.indexOf(statement.key);
  return index >= 0 && held.hashes[index] === statement.hash && statement.citeSources.every((source) => held.sources.has(source));
}

export interface Existing {
  kinds: Map<string, string>;
  published: Map<string, string>;
  /** Entities other sources merged into. */
  merged: Set<string>;
  /** Content hash of each entity, so unchanged ones are counted without a write. */
  hashes: Map<string, string>;
  /** Imported sources' statements about each entity: keys, hashes, the sources cited. */
  statements: Map<string, { keys: string[]; hashes: string[]; sources: Set<string> }>;
}

export async function lookupExisting(tx: Transaction, ids: string[]): Promise<Existing> {
  const existing: Existing = {
    kinds: new Map(),
    published: new Map(),
    merged: new Set(),
    hashes: new Map(),
    statements: new Map(),
  };
  for (const batch of batches(ids, WRITE_BATCH)) {
    const rows = await tx.run<{
      id: string;
      kind: string;
      publishedOn: string | null;
      hasMerges: boolean;
      contentHash: string | null;
      statementKeys: string[];
      statementHashes: string[];
      citeSources: string[];
    }>('write/existing-entities', { ids: batch });
    for (const row of rows) {
      existing.kinds.set(row.id, row.kind);
      if (row.publishedOn !== null) existing.published.set(row.id, row.publishedOn);
      if (row.hasMerges) existing.merged.add(row.id);
      if (row.contentHash !== null) existing.hashes.set(row.id, row.contentHash);
      existing.statements.set(row.id, {
        keys: row.statementKeys,
        hashes: row.statementHashes,
        sources: new Set(row.citeSources),
      });
    }
  }
  return existing;
}

/**
 * The relationships starting at the given entities, by (type, from, to, key), with their content
 * hashes (null for one written outside the changeset path).
 */
export interface HeldRelationship {
  contentHash: string | null;
  modified: string | null;
  citeSources: string[];
}

export async function relationshipHashes(tx: Transaction, fromIds: string[]): Promise<Map<string, HeldRelationship>> {
  const hashes = new Map<string, HeldRelationship>();
  for (const batch of batches(fromIds, WRITE_BATCH)) {
    const rows = await tx.run<{
      from: string;
      rels: Array<
        [type: string, to: string, key: string | null, contentHash: string | null, modified: string | null, citeSources: string[]]
      >;
    }>('write/existing-relationship-hashes', { ids: batch });
    for (const { from, rels } of rows) {
      for (const [type, to, key, contentHash, modified, citeSources] of rels) {
        hashes.set(relationshipIdentity({ type, from, to, key }), { contentHash, modified, citeSources });
      }
    }
  }
  return hashes;
}

/**
 * A source's statement of a relationship the graph holds changes nothing when the source is cited
 * already and the statement is the one shown or loses to it (cypher/write/state-relationships.cypher).
 */
export function relationshipStatementHeld(
  statement: { citeSources: readonly string[]; contentHash: string; modified: string | null },
  held: HeldRelationship,
): boolean {
  if (!statement.citeSources.every((source) => held.citeSources.includes(source))) return false;
  if (held.contentHash === statement.contentHash) return true;
  const modified = statement.modified ?? '';
  const heldModified = String(held.modified ?? '');
  return modified < heldModified || (modified === heldModified && statement.contentHash > String(held.contentHash));
}

/** The graph's sources' publication dates, with those of the sources the changeset itself adds. */
export function publicationDates(changeset: Changeset, existing: Existing): Map<string, string> {
  const published = new Map(existing.published);
  for (const entity of changeset.entities) {
    const date = entity.dates.published;
    if (entity.kind === 'Source' && date) published.set(entity.id, date.start);
  }
  return published;
}

import type { Transaction } from '../db/database.js';
import { PARTY_KINDS } from '../model/vocabulary.js';
import { canonical } from '../write/contentHash.js';
import type { EntitySnapshot, RelationshipSnapshot } from './audit.js';

/**
 * What a merge changes outside the two entities it merges, and how its undo tells whether a later
 * write would be lost. The two entities themselves are restored from the snapshots the MERGE change
 * keeps; everything else that named the merged-away id (citations of a merged Source, claimants,
 * reporting sources of stances) is rewritten to the kept id, and the values before and after are
 * recorded here so that the undo can put them back, or refuse when someone changed them since.
 */

type Values = Record<string, unknown>;

export interface RewrittenEntity {
  id: string;
  before: Values;
  after: Values;
}

export interface RewrittenRelationship {
  elementId: string;
  type: string;
  from: string;
  to: string;
  before: Values;
  after: Values;
}

export interface Rewritten {
  entities: RewrittenEntity[];
  relationships: RewrittenRelationship[];
}

/**
 * Points every reference to `mergeId` at `keepId`. Returns what was rewritten outside the kept entity
 * (the kept entity and its relationships come back from the merge's snapshots on undo).
 */
export async function rewriteReferences(tx: Transaction, keepId: string, mergeId: string, kind: string): Promise<Rewritten> {
  // Only sources are cited and only parties claim: the scan of every relationship is spared the rest.
  if (kind !== 'Source' && !(PARTY_KINDS as readonly string[]).includes(kind)) return { entities: [], relationships: [] };
  const [row] = await tx.run<Rewritten>('edit/rewrite-references', { old: mergeId, new: keepId });
  return {
    entities: (row?.entities ?? []).filter((entity) => entity.id !== keepId),
    relationships: (row?.relationships ?? []).filter((rel) => rel.from !== keepId && rel.to !== keepId),
  };
}

/** The rewritten references a later write has changed (or removed) since the merge, in words. */
export async function laterReferenceChanges(tx: Transaction, rewritten: Rewritten): Promise<string[]> {
  const [row] = await tx.run<{
    entities: Array<{ id: string; values: Values }>;
    relationships: Array<{ elementId: string; values: Values }>;
  }>('edit/reference-values', {
    ids: rewritten.entities.map((entity) => entity.id),
    elementIds: rewritten.relationships.map((rel) => rel.elementId),
  });
  const entities = new Map((row?.entities ?? []).map((entity) => [entity.id, entity.values]));
  const relationships = new Map((row?.relationships ?? []).map((rel) => [rel.elementId, rel.values]));
  const changes: string[] = [];
  for (const entity of rewritten.entities) {
    const now = entities.get(entity.id);
    if (now === undefined) changes.push(`${entity.id} was deleted`);
    else if (canonical(now) !== canonical(entity.after)) changes.push(`the citations of ${entity.id} changed`);
  }
  for (const rel of rewritten.relationships) {
    const now = relationships.get(rel.elementId);
    const name = `${rel.type} ${rel.from} -> ${rel.to}`;
    if (now === undefined) changes.push(`${name} was removed`);
    else if (canonical(now) !== canonical(rel.after)) changes.push(`the citations or claimant of ${name} changed`);
  }
  return changes;
}

export async function restoreReferences(tx: Transaction, rewritten: Rewritten): Promise<void> {
  await tx.run('edit/restore-references', {
    entities: rewritten.entities.map((entity) => ({ id: entity.id, props: entity.before })),
    relationships: rewritten.relationships.map((rel) => ({ elementId: rel.elementId, props: rel.before })),
  });
}

function describe(id: string, rel: RelationshipSnapshot): string {
  const other = rel.otherIsAlias ? `alias "${rel.aliasName}"` : String(rel.otherId);
  return rel.outgoing ? `${rel.type} ${id} -> ${other}` : `${rel.type} ${other} -> ${id}`;
}

/** How the kept entity differs now from right after the merge: properties, and relationships added or removed. */
export function snapshotDifferences(afterMerge: EntitySnapshot, now: EntitySnapshot): string[] {
  const id = afterMerge.entity.id;
  const changes: string[] = [];
  const keys = [...new Set([...Object.keys(afterMerge.entity), ...Object.keys(now.entity)])].sort();
  const changed = keys.filter((key) => canonical(afterMerge.entity[key] ?? null) !== canonical(now.entity[key] ?? null));
  if (changed.length > 0) changes.push(`${id}'s ${changed.join(', ')} changed`);
  const identity = (rel: RelationshipSnapshot): string => canonical({ ...rel, aliasName: null });
  // POSSIBLY_SAME_AS that imported files alone cite are derived again by every import
  // (src/ingest/reconcileActors.ts): an undo loses nothing of them.
  const derived = (rel: RelationshipSnapshot): boolean => {
    const sources = Array.isArray(rel.props.citeSources) ? rel.props.citeSources.map(String) : [];
    return rel.type === 'POSSIBLY_SAME_AS' && sources.length > 0 && sources.every((s) => s.startsWith('source:import:'));
  };
  const before = new Map(afterMerge.relationships.filter((rel) => !derived(rel)).map((rel) => [identity(rel), rel]));
  const current = new Map(now.relationships.filter((rel) => !derived(rel)).map((rel) => [identity(rel), rel]));
  for (const [key, rel] of current) if (!before.has(key)) changes.push(`${describe(id, rel)} was added or changed`);
  for (const [key, rel] of before) if (!current.has(key)) changes.push(`${describe(id, rel)} was removed or changed`);
  return changes;
}

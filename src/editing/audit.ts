import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../db/database.js';
import { reviveProperties } from '../db/values.js';
import { RELATIONSHIP_TYPES, isOneOf } from '../model/vocabulary.js';

/** The audit trail: one Change node per entity a mutation touched, with the state before it. */

export interface RelationshipSnapshot {
  type: string;
  outgoing: boolean;
  otherId: string | null;
  otherIsAlias: boolean;
  aliasKey: string | null;
  aliasName: string | null;
  props: Record<string, unknown>;
}

export interface EntitySnapshot {
  entity: Record<string, unknown> & { id: string; kind: string };
  labels: string[];
  relationships: RelationshipSnapshot[];
}

export async function snapshot(tx: Transaction, id: string): Promise<EntitySnapshot | null> {
  const [row] = await tx.run<EntitySnapshot>('audit/snapshot', { id });
  return row ?? null;
}

export interface ChangeEntry {
  entityId: string;
  operation: string;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface ChangeRow {
  id: string;
  /** Shared by the entries one mutation wrote. */
  mutationId: string;
  entityId: string;
  operation: string;
  at: string;
  actorKeyId: string | null;
  actorName: string;
  reason: string | null;
  before: string | null;
  after: string | null;
  undoneAt: string | null;
}

/** Writes the entries of one mutation, sharing a mutation id; returns the entries' ids in order. */
export async function recordChanges(tx: Transaction, principal: Principal, entries: ChangeEntry[]): Promise<string[]> {
  const mutationId = randomUUID();
  const changes = entries.map((entry) => ({
    id: randomUUID(),
    mutationId,
    entityId: entry.entityId,
    operation: entry.operation,
    actorKeyId: principal.keyId,
    actorName: principal.name,
    reason: entry.reason ?? null,
    before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  }));
  await tx.run('audit/record-changes', { changes });
  return changes.map((change) => change.id);
}

/**
 * A snapshot's relationships and aliases as the rows that write them again for the entity `id`:
 * restoring an entity (undoMerge) or moving a merged one's onto the kept one (a merge, an import's
 * absorb). A relationship between the two becomes a loop (from = to), which the mover drops.
 */
export function snapshotRows(id: string, snap: EntitySnapshot) {
  const entityRows = [];
  const aliasRows = [];
  for (const rel of snap.relationships) {
    if (rel.otherIsAlias) {
      aliasRows.push({
        entityId: id,
        name: String(rel.props.name ?? rel.aliasName),
        nameKey: rel.aliasKey,
        givenBy: String(rel.props.givenBy ?? ''),
        citeSources: rel.props.citeSources ?? [],
        citeQuotes: rel.props.citeQuotes ?? [],
        knownSince: reviveProperties({ knownSince: rel.props.knownSince }).knownSince ?? null,
      });
      continue;
    }
    if (rel.otherId === null || !isOneOf(RELATIONSHIP_TYPES, rel.type)) continue;
    entityRows.push({
      from: rel.outgoing ? id : rel.otherId,
      to: rel.outgoing ? rel.otherId : id,
      type: rel.type,
      key: String(rel.props.key ?? ''),
      props: reviveProperties(rel.props),
    });
  }
  return { entityRows, aliasRows };
}

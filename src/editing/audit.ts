import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../db/database.js';

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

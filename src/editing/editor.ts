import type { Principal } from '../auth/principal.js';
import type { Database, Transaction } from '../db/database.js';
import { reviveProperties } from '../db/values.js';
import { apiError, badUserInput } from '../errors.js';
import { applyChangesetInTransaction } from '../write/apply.js';
import { readDocument, type Raw } from '../write/document.js';
import { nameKey } from '../model/names.js';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, isOneOf } from '../model/vocabulary.js';
import type { EntityRow } from '../read/rows.js';
import { recordChanges, snapshot, type ChangeRow, type EntitySnapshot } from './audit.js';
import { refusedInput } from './inputs.js';

/**
 * The editing operations behind the mutations. Each runs in one write transaction: the changeset
 * (built from already-checked input, in the same document shape as the seed files), the write and
 * the audit entries apply together or not at all.
 */

const ID_PREFIX: Record<string, string> = {
  ThreatActor: 'actor',
  State: 'state',
  Organization: 'org',
  Person: 'person',
  PersonGroup: 'group',
  Campaign: 'campaign',
  Response: 'response',
  Source: 'source',
};
export function idPrefix(kind: string): string {
  return ID_PREFIX[kind] ?? 'entity';
}

async function entityIn(tx: Transaction, id: string): Promise<EntityRow | null> {
  const [row] = await tx.run<{ entity: EntityRow }>('read/entities-by-id', { ids: [id] });
  return row?.entity ?? null;
}

async function requireEntity(tx: Transaction, id: string, argument: string): Promise<EntityRow> {
  const row = await entityIn(tx, id);
  if (row === null) throw apiError('NOT_FOUND', `${argument}: there is no entity ${id}`, { argument });
  return row;
}

/** Applies a document (sources, entities, relationships, responses) as the caller's edit. */
async function applyDocument(tx: Transaction, document: Raw, origin: string): Promise<void> {
  try {
    await applyChangesetInTransaction(tx, readDocument(document, origin));
  } catch (error) {
    refusedInput(error);
  }
}

export function createEntity(db: Database, principal: Principal, kind: string, raw: Raw, origin: string): Promise<EntityRow> {
  const section = kind === 'Source' ? 'sources' : kind === 'Response' ? 'responses' : 'entities';
  return db.writeTransaction(origin, async (tx) => {
    const id = String(raw.id);
    if (await entityIn(tx, id)) throw apiError('CONFLICT', `input.id: ${id} already exists`, { argument: 'input.id' });
    await applyDocument(tx, { [section]: [raw] }, origin);
    const created = (await entityIn(tx, id))!;
    await recordChanges(tx, principal, [
      { entityId: id, operation: kind === 'Response' ? 'RECORD_RESPONSE' : 'CREATE', after: { input: raw } },
    ]);
    return created;
  });
}

/** Rewrites an entity from its current state plus the changes; aliases and citations are only added to. */
export function updateEntity(
  db: Database,
  principal: Principal,
  id: string,
  changes: Raw,
  addAliases: Raw[],
  addCitations: Raw[],
): Promise<EntityRow> {
  return db.writeTransaction(`update ${id}`, async (tx) => {
    const current = await requireEntity(tx, id, 'id');
    if (current.kind === 'Response' || current.kind === 'Source' || !(current.kind in ID_PREFIX)) {
      throw badUserInput('id', `${current.kind} entities are not edited with updateEntity`);
    }
    const before = await snapshot(tx, id);
    const sources = Array.isArray(current.citeSources) ? current.citeSources : [];
    const quotes = Array.isArray(current.citeQuotes) ? current.citeQuotes : [];
    const raw: Raw = {
      id,
      kind: current.kind,
      name: current.name,
      description: current.description ?? null,
      ...kindFields(current),
      ...changes,
      aliases: addAliases,
      cite: [...sources.map((source, index) => ({ source, quote: quotes[index] || null })), ...addCitations],
    };
    await applyDocument(tx, { entities: [raw] }, `update ${id}`);
    await tx.run('write/refresh-alias-text', { ids: [id] });
    await recordChanges(tx, principal, [
      { entityId: id, operation: 'UPDATE', before, after: { changes, addAliases, addCitations } },
    ]);
    return (await entityIn(tx, id))!;
  });
}

/** The kind-specific stored fields an update keeps unless it changes them (dates as the seed writes them). */
function kindFields(row: EntityRow): Raw {
  const fields: Raw = {};
  for (const key of ['isoCode', 'orgType', 'size', 'nationality'])
    if (row[key] !== undefined && row[key] !== null) fields[key] = row[key];
  for (const name of ['started', 'disclosed']) {
    const start = row[`${name}On`];
    const precision = row[`${name}Precision`];
    if (typeof start === 'string')
      fields[name] = precision === 'YEAR' ? start.slice(0, 4) : precision === 'MONTH' ? start.slice(0, 7) : start;
  }
  return fields;
}

export function deleteEntity(
  db: Database,
  principal: Principal,
  id: string,
  reason: string,
): Promise<{ id: string; changeId: string }> {
  return db.writeTransaction(`delete ${id}`, async (tx) => {
    const current = await requireEntity(tx, id, 'id');
    if (current.kind === 'Source') {
      const [citing] = await tx.run<{ nodes: number; relationships: number }>('edit/citing-count', { id });
      if (citing !== undefined && citing.nodes + citing.relationships > 0) {
        throw apiError(
          'CONFLICT',
          `id: source ${id} is still cited by ${citing.nodes} entities and ${citing.relationships} relationships; remove those citations first`,
          { argument: 'id' },
        );
      }
    }
    const before = await snapshot(tx, id);
    await tx.run('edit/delete-entity', { id });
    const [changeId] = await recordChanges(tx, principal, [{ entityId: id, operation: 'DELETE', reason, before }]);
    return { id, changeId: changeId! };
  });
}

export function linkEntities(db: Database, principal: Principal, raw: Raw): Promise<EntityRow> {
  const from = String(raw.from);
  return db.writeTransaction(`link ${from}`, async (tx) => {
    await applyDocument(tx, { relationships: [raw] }, 'link');
    await recordChanges(tx, principal, [{ entityId: from, operation: 'LINK', after: { input: raw } }]);
    return (await entityIn(tx, from))!;
  });
}

function relationshipRows(id: string, snap: EntitySnapshot, replace: (otherId: string) => string) {
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
    const other = replace(rel.otherId);
    entityRows.push({
      from: rel.outgoing ? id : other,
      to: rel.outgoing ? other : id,
      type: rel.type,
      key: String(rel.props.key ?? ''),
      props: reviveProperties(rel.props),
    });
  }
  return { entityRows, aliasRows };
}

function union(a: unknown, b: unknown): string[] {
  return [...new Set([...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])].map(String))];
}

/** Merges `mergeId` into `keepId`; the MERGE change keeps both snapshots so that undoMerge can restore them. */
export function mergeEntities(
  db: Database,
  principal: Principal,
  keepId: string,
  mergeId: string,
  reason: string,
): Promise<EntityRow> {
  if (keepId === mergeId) throw badUserInput('mergeId', 'must differ from keepId');
  return db.writeTransaction(`merge ${mergeId} into ${keepId}`, async (tx) => {
    const keep = await requireEntity(tx, keepId, 'keepId');
    const merged = await requireEntity(tx, mergeId, 'mergeId');
    if (keep.kind !== merged.kind)
      throw badUserInput('mergeId', `is a ${merged.kind}; only entities of one kind (${keep.kind}) merge`);
    const keepBefore = (await snapshot(tx, keepId))!;
    const mergedBefore = (await snapshot(tx, mergeId))!;

    // Relationships between the two would become loops; they are dropped (and kept in the snapshot).
    const moved = relationshipRows(keepId, mergedBefore, (other) => other);
    const entityRows = moved.entityRows.filter((row) => row.from !== row.to);
    await tx.run('edit/copy-relationships', { rows: entityRows });
    const mergedSources = Array.isArray(merged.citeSources) ? merged.citeSources : [];
    const mergedQuotes = Array.isArray(merged.citeQuotes) ? merged.citeQuotes : [];
    const aliasRows = [
      ...moved.aliasRows,
      {
        entityId: keepId,
        name: merged.name,
        nameKey: nameKey(merged.name),
        givenBy: `merged from ${mergeId}`,
        citeSources: mergedSources,
        citeQuotes: mergedQuotes,
        knownSince: reviveProperties({ knownSince: merged.knownSince }).knownSince ?? null,
      },
    ];
    await tx.run('write/upsert-aliases', { rows: aliasRows });
    const [after] = await tx.run<{ entity: EntityRow }>('edit/set-properties', {
      id: keepId,
      props: {
        citeSources: [...(keep.citeSources ?? []), ...mergedSources],
        citeQuotes: [...(keep.citeQuotes ?? []), ...mergedQuotes],
        stixIds: union(keep.stixIds, merged.stixIds),
        attackIds: union(keep.attackIds, merged.attackIds),
        mergedIds: union(keep.mergedIds, [mergeId]),
        // The content changed by hand: the next import of this entity rewrites rather than skips it.
        contentHash: null,
      },
    });
    await tx.run('edit/delete-entity', { id: mergeId });
    await tx.run('write/refresh-alias-text', { ids: [keepId] });
    const updatedAt = (await entityIn(tx, keepId))!.updatedAt;
    await recordChanges(tx, principal, [
      {
        entityId: keepId,
        operation: 'MERGE',
        reason,
        before: { keep: keepBefore, merged: mergedBefore },
        after: { mergedId: mergeId, updatedAt },
      },
      { entityId: mergeId, operation: 'MERGED_AWAY', reason, before: mergedBefore, after: { into: keepId } },
    ]);
    return after!.entity;
  });
}

async function restore(tx: Transaction, snap: EntitySnapshot): Promise<void> {
  const labels = snap.labels.filter((label) => label === 'Entity' || isOneOf(ENTITY_KINDS, label));
  await tx.run('edit/restore-entity', { id: snap.entity.id, labels, props: reviveProperties(snap.entity) });
}

/** Restores both entities of a merge as they were, if the kept one has not changed since. */
export function undoMerge(db: Database, principal: Principal, changeId: string): Promise<EntityRow> {
  return db.writeTransaction(`undo merge ${changeId}`, async (tx) => {
    const [row] = await tx.run<{ change: ChangeRow }>('audit/find-change', { id: changeId });
    const change = row?.change;
    if (change === undefined || change.operation !== 'MERGE')
      throw apiError('NOT_FOUND', `changeId: there is no merge ${changeId}`, { argument: 'changeId' });
    if (change.undoneAt) throw apiError('CONFLICT', `changeId: merge ${changeId} was already undone`, { argument: 'changeId' });
    const { keep, merged } = JSON.parse(change.before!) as { keep: EntitySnapshot; merged: EntitySnapshot };
    const { updatedAt } = JSON.parse(change.after!) as { updatedAt: string };
    const current = await entityIn(tx, keep.entity.id);
    if (current === null || current.updatedAt !== updatedAt || (await entityIn(tx, merged.entity.id)) !== null) {
      throw apiError('CONFLICT', `changeId: ${keep.entity.id} has changed since the merge; undo it by hand`, {
        argument: 'changeId',
      });
    }
    await tx.run('edit/delete-relationships', { id: keep.entity.id });
    await restore(tx, keep);
    await restore(tx, merged);
    for (const snap of [keep, merged]) {
      const rows = relationshipRows(snap.entity.id, snap, (other) => other);
      await tx.run('edit/copy-relationships', { rows: rows.entityRows });
      await tx.run('write/upsert-aliases', { rows: rows.aliasRows });
    }
    await tx.run('audit/mark-undone', { changeSetId: change.changeSetId });
    await recordChanges(tx, principal, [
      { entityId: keep.entity.id, operation: 'UNDO_MERGE', after: { restored: merged.entity.id, mergeChange: changeId } },
      { entityId: merged.entity.id, operation: 'UNDO_MERGE', after: { restoredFrom: changeId } },
    ]);
    return (await entityIn(tx, keep.entity.id))!;
  });
}

export async function history(db: Database, id: string, limit: number): Promise<ChangeRow[]> {
  const rows = await db.read<{ change: ChangeRow }>('audit/history', { id, limit });
  return rows.map((row) => row.change);
}

import type { Principal } from '../auth/principal.js';
import { isUniquenessViolation, type Database, type Transaction } from '../db/database.js';
import { reviveProperties } from '../db/values.js';
import { apiError, badUserInput } from '../errors.js';
import { applyChangesetInTransaction } from '../write/apply.js';
import type { AliasInput, EntityInput, RelationshipInput } from '../write/changeset.js';
import { decodeCitations, encodeCitations, uniqueCitations } from '../model/citations.js';
import { lookalikeKey, nameKey } from '../model/names.js';
import { ENTITY_KINDS, endpointProblem, hasOwnType, isOneOf } from '../model/vocabulary.js';
import type { EntityRow, LinkRow } from '../read/rows.js';
import { statementUnion } from '../ingest/absorb.js';
import { recordChanges, snapshot, snapshotRows, type ChangeRow, type EntitySnapshot } from './audit.js';
import { updatedEntity, type Edit, type EntityChanges, type Reference } from './changes.js';
import {
  laterReferenceChanges,
  restoreReferences,
  rewriteReferences,
  snapshotDifferences,
  type Rewritten,
} from './mergeReferences.js';

/**
 * The editing operations behind the mutations. Each runs in one write transaction: the changeset
 * (built from already-checked input by src/editing/changes.ts), the write and the audit entries
 * apply together or not at all.
 */

async function entityIn(tx: Transaction, id: string): Promise<EntityRow | null> {
  const [row] = await tx.run<{ entity: EntityRow }>('read/entities-by-id', { ids: [id] });
  return row?.entity ?? null;
}

async function requireEntity(tx: Transaction, id: string, argument: string): Promise<EntityRow> {
  const row = await entityIn(tx, id);
  if (row === null) throw apiError('NOT_FOUND', `${argument}: there is no entity ${id}`, { argument });
  return row;
}

/**
 * Refuses the first id the input names that the graph does not hold (or holds as another kind);
 * returns the kinds of those it holds.
 */
async function checkReferences(tx: Transaction, references: Reference[]): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const ids = [...new Set(references.map((reference) => reference.id))];
  const rows = await tx.run<{ id: string; kind: string }>('write/existing-entities', { ids });
  const kinds = new Map(rows.map((row) => [row.id, row.kind]));
  for (const { argument, id, kind, oneOf } of references) {
    const found = kinds.get(id);
    if (found === undefined) throw badUserInput(argument, `there is no ${kind ?? 'entity'} ${id}`);
    if (kind !== undefined && found !== kind) throw badUserInput(argument, `${id} is a ${found}, not a ${kind}`);
    if (oneOf !== undefined && !(oneOf as readonly string[]).includes(found)) {
      throw badUserInput(argument, `${id} is a ${found}, not one of ${oneOf.join(', ')}`);
    }
  }
  return kinds;
}

/**
 * Refuses a relationship between kinds its type does not allow, or from an entity to itself, naming
 * the argument that gave the offending end (input.from, input.to, input.issuerId, …). The changeset
 * validation holds imports to the same table; this check answers in the API's words.
 */
function checkEndpoints(edit: Edit, kinds: ReadonlyMap<string, string>): void {
  const own = new Map<string, string>([...kinds, ...edit.entities.map((entity) => [entity.id, entity.kind] as const)]);
  // The argument that named an end; for a self-link, `to` is the one named second.
  const argumentFor = (id: string, end: 'from' | 'to'): string => {
    const named = edit.references.filter((reference) => reference.id === id && reference.kind === undefined);
    return (end === 'from' ? named[0] : named.at(-1))?.argument ?? `input.${end}`;
  };
  for (const rel of edit.relationships) {
    const problem = endpointProblem(rel, own.get(rel.from) ?? '', own.get(rel.to) ?? '');
    if (problem === null) continue;
    const argument = argumentFor(problem.end === 'from' ? rel.from : rel.to, problem.end);
    throw badUserInput(argument, problem.message);
  }
}

/** Writes an edit as the caller's changeset, after checking the ids its input names; true when it changed nothing. */
async function applyEdit(tx: Transaction, origin: string, edit: Edit): Promise<boolean> {
  checkEndpoints(edit, await checkReferences(tx, edit.references));
  const report = await applyChangesetInTransaction(tx, { origin, entities: edit.entities, relationships: edit.relationships });
  return report.unchanged;
}

/**
 * Creates the entity's node in the database, or refuses with CONFLICT when its id is taken. The
 * uniqueness constraint on Entity.id decides, not a read beforehand: of concurrent creates of one id,
 * each of which would have read "not there", exactly one gets the node.
 */
async function claimId(tx: Transaction, entity: EntityInput): Promise<void> {
  try {
    await tx.run('edit/claim-id', { id: entity.id, kind: entity.kind });
  } catch (error) {
    if (!isUniquenessViolation(error)) throw error;
    throw apiError('CONFLICT', `input.id: ${entity.id} already exists`, { argument: 'input.id' }, error);
  }
}

/** What an edit wrote, for the audit trail. */
function written(edit: Edit): { entities: EntityInput[]; relationships: RelationshipInput[] } {
  return { entities: edit.entities, relationships: edit.relationships };
}

/**
 * Refuses a new actor, state, organisation, person, group or campaign whose name differs from a name
 * or alias of one of its kind only in case, spacing or look-alike letters ("АРТ31" in Cyrillic when
 * APT31 exists): that is almost always the same entity entered twice, or a name made to pass for it.
 */
async function checkLookalikes(tx: Transaction, entity: EntityInput): Promise<void> {
  if (entity.kind === 'Source' || entity.kind === 'Response') return;
  const key = lookalikeKey(entity.name);
  const rows = await tx.run<{ id: string; name: string; aliases: string[] }>('edit/names-of-kind', { kind: entity.kind });
  for (const row of rows) {
    if (row.id === entity.id) continue;
    const matched = [row.name, ...row.aliases].find((name) => lookalikeKey(name) === key);
    if (matched === undefined) continue;
    const known = matched === row.name ? `${row.name} (${row.id})` : `${row.name} (${row.id}), known as ${matched}`;
    throw apiError(
      'CONFLICT',
      `input.name: "${entity.name}" looks like ${known}, a ${entity.kind} the graph holds: the names differ only in case, spacing or look-alike letters. Add to it with updateEntity, or give a name that tells them apart.`,
      { argument: 'input.name', existingId: row.id },
    );
  }
}

/** createEntity, createSource and recordResponse: the edit's first entity is the one created. */
export function createEntity(db: Database, principal: Principal, edit: Edit, origin: string): Promise<EntityRow> {
  const entity = edit.entities[0]!;
  return db.writeTransaction(origin, async (tx) => {
    await claimId(tx, entity);
    await applyEdit(tx, origin, edit);
    await checkLookalikes(tx, entity);
    const created = (await entityIn(tx, entity.id))!;
    await recordChanges(tx, principal, [
      { entityId: entity.id, operation: entity.kind === 'Response' ? 'RECORD_RESPONSE' : 'CREATE', after: written(edit) },
    ]);
    return created;
  });
}

/**
 * Aliases to add, spelled as the entity already holds them where it does (same key, same giver):
 * "apt 31" added to an entity known as "APT31" adds its citations to that alias, not a second one.
 */
function asStored(current: EntitySnapshot, aliases: AliasInput[]): AliasInput[] {
  const stored = new Map<string, string>();
  for (const rel of current.relationships) {
    if (!rel.otherIsAlias || rel.aliasKey === null) continue;
    stored.set(JSON.stringify([rel.aliasKey, String(rel.props.givenBy ?? '')]), String(rel.props.name ?? rel.aliasName));
  }
  return aliases.map((alias) => {
    const name = stored.get(JSON.stringify([nameKey(alias.name), alias.givenBy ?? '']));
    return name === undefined ? alias : { ...alias, name };
  });
}

/** Rewrites an entity from its current state plus the changes; aliases and citations are only added to. */
export function updateEntity(db: Database, principal: Principal, id: string, changes: EntityChanges): Promise<EntityRow> {
  return db.writeTransaction(`update ${id}`, async (tx) => {
    const current = await requireEntity(tx, id, 'id');
    if (current.kind === 'Response' || current.kind === 'Source' || !hasOwnType(current.kind)) {
      throw badUserInput('id', `${current.kind} entities are not edited with updateEntity`);
    }
    const before = await snapshot(tx, id);
    const entity = updatedEntity(
      { ...current, kind: current.kind },
      { ...changes, addAliases: asStored(before!, changes.addAliases) },
    );
    await applyEdit(tx, `update ${id}`, { entities: [entity], relationships: [], references: changes.references });
    await tx.run('write/refresh-alias-text', { ids: [id] });
    const { references: _references, ...after } = changes;
    await recordChanges(tx, principal, [{ entityId: id, operation: 'UPDATE', before, after }]);
    return (await entityIn(tx, id))!;
  });
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

/**
 * Writes one relationship and returns it as the API shows a link, read back by its identity. Linking
 * what the graph already holds, identically, is not an error and changes nothing (no audit entry):
 * the answer is the existing link. Both ends are locked first, so that concurrent identical links
 * run one after another and all but the first find the relationship there.
 */
export function linkEntities(db: Database, principal: Principal, edit: Edit): Promise<LinkRow> {
  const rel = edit.relationships[0]!;
  return db.writeTransaction(`link ${rel.from}`, async (tx) => {
    await tx.run('edit/lock-entities', { ids: [...new Set([rel.from, rel.to])].sort() });
    const unchanged = await applyEdit(tx, 'link', edit);
    if (!unchanged) await recordChanges(tx, principal, [{ entityId: rel.from, operation: 'LINK', after: written(edit) }]);
    const [link] = await tx.run<Omit<LinkRow, 'from'>>('edit/link', { from: rel.from, to: rel.to, type: rel.type, key: rel.key });
    return { ...link!, from: rel.from };
  });
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
    const moved = snapshotRows(keepId, mergedBefore);
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
        ...encodeCitations(
          uniqueCitations([
            ...decodeCitations(keep.citeSources, keep.citeQuotes),
            ...decodeCitations(mergedSources, mergedQuotes),
          ]),
        ),
        stixIds: union(keep.stixIds, merged.stixIds),
        attackIds: union(keep.attackIds, merged.attackIds),
        mispUuids: union(keep.mispUuids, merged.mispUuids),
        mergedIds: union(keep.mergedIds, [mergeId]),
        // What sources stated about the merged entity stays, and its ids find the kept one: a
        // re-import lands there, and import resolution keeps what an editor merged together.
        ...statementUnion(keep, merged),
        mergedExternalIds: union(union(keep.mergedExternalIds, [mergeId]), merged.mergedExternalIds),
        // The content changed by hand: the next import of this entity rewrites rather than skips it.
        contentHash: null,
      },
    });
    await tx.run('edit/delete-entity', { id: mergeId });
    await tx.run('write/refresh-alias-text', { ids: [keepId] });
    // Nothing may keep naming the removed id: a citation of a missing Source fails every read of it.
    const rewritten = await rewriteReferences(tx, keepId, mergeId, keep.kind);
    const keepAfter = (await snapshot(tx, keepId))!;
    const updatedAt = (await entityIn(tx, keepId))!.updatedAt;
    await recordChanges(tx, principal, [
      {
        entityId: keepId,
        operation: 'MERGE',
        reason,
        before: { keep: keepBefore, merged: mergedBefore },
        after: { mergedId: mergeId, updatedAt, keepAfter, rewritten },
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

interface MergeAfter {
  updatedAt: string;
  /** The kept entity right after the merge, and the references rewritten elsewhere (absent in merges recorded before they were kept). */
  keepAfter?: EntitySnapshot;
  rewritten?: Rewritten;
}

/** What changed since a merge that its undo would overwrite or delete, in words; empty when nothing did. */
async function changesSinceMerge(tx: Transaction, change: ChangeRow, keepId: string, mergeId: string): Promise<string[]> {
  const after = JSON.parse(change.after!) as MergeAfter;
  const now = await snapshot(tx, keepId);
  if (now === null) return [`${keepId} was deleted`];
  if ((await entityIn(tx, mergeId)) !== null) return [`${mergeId} exists again`];
  const changes =
    after.keepAfter !== undefined
      ? snapshotDifferences(after.keepAfter, now)
      : now.entity.updatedAt === after.updatedAt
        ? []
        : [`${keepId} changed`];
  if (after.rewritten !== undefined) changes.push(...(await laterReferenceChanges(tx, after.rewritten)));
  if (changes.length === 0) return [];
  // Name the writes too, where the audit trail has them on the kept entity.
  const entries = await tx.run<{ change: { id: string; operation: string; actorName: string; at: string } }>(
    'audit/changes-since',
    { id: keepId, since: change.at },
  );
  return [...entries.map(({ change: c }) => `${c.operation} ${c.id} by ${c.actorName} at ${c.at}`), ...changes];
}

/**
 * Restores both entities of a merge as they were, and the references the merge rewrote elsewhere.
 * Refuses with CONFLICT, naming them, when writes made since the merge would be lost.
 */
export function undoMerge(db: Database, principal: Principal, changeId: string): Promise<EntityRow> {
  return db.writeTransaction(`undo merge ${changeId}`, async (tx) => {
    const [row] = await tx.run<{ change: ChangeRow }>('audit/find-change', { id: changeId });
    const change = row?.change;
    if (change === undefined || change.operation !== 'MERGE')
      throw apiError('NOT_FOUND', `changeId: there is no merge ${changeId}`, { argument: 'changeId' });
    if (change.undoneAt) throw apiError('CONFLICT', `changeId: merge ${changeId} was already undone`, { argument: 'changeId' });
    const { keep, merged } = JSON.parse(change.before!) as { keep: EntitySnapshot; merged: EntitySnapshot };
    // Lock the kept entity first, so that no write slips in between the check and the undo.
    await tx.run('edit/lock-entities', { ids: [keep.entity.id] });
    const later = await changesSinceMerge(tx, change, keep.entity.id, merged.entity.id);
    if (later.length > 0) {
      const shown = later.slice(0, 10).join('; ') + (later.length > 10 ? `; and ${later.length - 10} more` : '');
      throw apiError(
        'CONFLICT',
        `changeId: undoing merge ${changeId} would lose what changed since: ${shown}. Undo those changes first, or fix the entities by hand.`,
        { argument: 'changeId', laterChanges: later },
      );
    }
    const { rewritten } = JSON.parse(change.after!) as MergeAfter;
    if (rewritten !== undefined) await restoreReferences(tx, rewritten);
    await tx.run('edit/delete-relationships', { id: keep.entity.id });
    await restore(tx, keep);
    await restore(tx, merged);
    for (const snap of [keep, merged]) {
      const rows = snapshotRows(snap.entity.id, snap);
      await tx.run('edit/copy-relationships', { rows: rows.entityRows });
      await tx.run('write/upsert-aliases', { rows: rows.aliasRows });
    }
    // An editor separated them: import resolution keeps them apart from now on.
    await tx.run('edit/set-properties', {
      id: keep.entity.id,
      props: { apartFrom: union(keep.entity.apartFrom, [merged.entity.id]) },
    });
    await tx.run('edit/set-properties', {
      id: merged.entity.id,
      props: { apartFrom: union(merged.entity.apartFrom, [keep.entity.id]) },
    });
    await tx.run('audit/mark-undone', { mutationId: change.mutationId });
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

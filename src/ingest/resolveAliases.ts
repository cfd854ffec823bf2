import type { Transaction } from '../db/database.js';
import { nameKey } from '../model/names.js';
import type { ImportedDocument, ImportedObject } from './imported.js';

/**
 * Decides which graph entity each imported object is, inside the import's write transaction:
 *
 * 1. An object the graph already holds under its own id (a STIX id, misp:<uuid>) is that entity;
 *    an older version (earlier STIX modified) than the graph's is left out.
 * 2. An object once merged into another actor is found again by the id it was merged under.
 * 3. A new actor whose names (name and aliases, by name key) point at exactly one existing actor
 *    is merged into it: one real-world actor, one entity, every source's names on it.
 * 4. Cautious where it is not clear: names that point at two or more existing actors, or an actor
 *    that several objects of the same file (or another object's own entity) point at, are not
 *    merged; the object becomes an entity of its own with POSSIBLY_SAME_AS to each candidate, for
 *    an analyst to settle.
 *
 * Only actors are matched by name; other kinds are matched by id only.
 */

export type Action =
  /** Write the object as an entity of its own (create, or update the one with its id). */
  | { kind: 'write'; id: string }
  /** Add the object to an existing entity another origin owns. */
  | { kind: 'merge'; id: string }
  /** Leave it out: an older version than the graph's, or a State the graph already has. */
  | { kind: 'skip'; id: string; reason: 'older' | 'exists' };

export interface MergeNote {
  object: string;
  name: string;
  into: string;
  intoName: string;
  /** The object's names that matched the entity's name or aliases. */
  matchedNames: string[];
}

export interface Candidate {
  id: string;
  name: string;
  matchedNames: string[];
}

export interface AmbiguityNote {
  object: string;
  name: string;
  createdAs: string;
  reason: string;
  candidates: Candidate[];
}

export interface Resolution {
  actions: Map<ImportedObject, Action>;
  /** Graph id of every object of the file and of every link end the graph holds, by external id. */
  ids: Map<string, string>;
  merges: MergeNote[];
  ambiguities: AmbiguityNote[];
  olderVersions: number;
  /** What the graph holds of the looked-up ids (the file's Source when it was imported before). */
  existing: Map<string, { kind: string; name: string; importedAt: string | null; fileName: string | null }>;
}

interface ExistingRow {
  id: string;
  kind: string;
  name: string;
  modified: string | null;
  importedAt: string | null;
  fileName: string | null;
}

const BATCH = 5000;

async function inBatches<T, R>(items: T[], run: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await run(items.slice(i, i + BATCH))));
  return results;
}

export async function resolveAliases(tx: Transaction, document: ImportedDocument, extraIds: string[] = []): Promise<Resolution> {
  const own = new Set(document.objects.map((object) => object.externalId));
  const lookupIds = new Set<string>([...document.objects.map((object) => object.proposedId), ...extraIds]);
  for (const link of document.links) {
    if (!own.has(link.from)) lookupIds.add(link.from);
    if (!own.has(link.to)) lookupIds.add(link.to);
  }
  const found = new Map<string, ExistingRow>();
  for (const row of await inBatches([...lookupIds], (ids) => tx.run<ExistingRow>('import/entities-by-id', { ids }))) {
    found.set(row.id, row);
  }
  const mergedInto = new Map<string, string>();
  for (const row of await tx.run<{ externalId: string; id: string }>('import/merged-external-ids')) {
    mergedInto.set(row.externalId, row.id);
  }

  const resolution: Resolution = {
    actions: new Map(),
    ids: new Map(),
    merges: [],
    ambiguities: [],
    olderVersions: 0,
    existing: new Map(
      [...found.values()].map((row) => [
        row.id,
        { kind: row.kind, name: row.name, importedAt: row.importedAt, fileName: row.fileName },
      ]),
    ),
  };
  const byName: ImportedObject[] = [];
  for (const object of document.objects) {
    const existing = found.get(object.proposedId);
    const merged = mergedInto.get(object.externalId);
    let action: Action | undefined;
    if (existing !== undefined) {
      if (object.createOnly) action = { kind: 'skip', id: existing.id, reason: 'exists' };
      else if (object.modified !== null && existing.modified !== null && object.modified < existing.modified) {
        action = { kind: 'skip', id: existing.id, reason: 'older' };
        resolution.olderVersions += 1;
      } else action = { kind: 'write', id: existing.id };
    } else if (merged !== undefined) {
      action = { kind: 'merge', id: merged };
    } else if (object.resolveByName) {
      byName.push(object);
    } else {
      action = { kind: 'write', id: object.proposedId };
    }
    if (action !== undefined) {
      resolution.actions.set(object, action);
      resolution.ids.set(object.externalId, action.id);
    }
  }

  await resolveByName(tx, byName, resolution);

  for (const id of lookupIds) {
    if (!resolution.ids.has(id)) {
      if (found.has(id)) resolution.ids.set(id, id);
      else if (mergedInto.has(id)) resolution.ids.set(id, mergedInto.get(id)!);
    }
  }
  return resolution;
}

async function resolveByName(tx: Transaction, objects: ImportedObject[], resolution: Resolution): Promise<void> {
  const keysOf = (object: ImportedObject): Map<string, string> => {
    const keys = new Map<string, string>();
    for (const name of [object.name, ...object.names.map((n) => n.name)]) {
      const key = nameKey(name);
      if (key !== '' && !keys.has(key)) keys.set(key, name);
    }
    return keys;
  };
  const allKeys = new Set(objects.flatMap((object) => [...keysOf(object).keys()]));
  const actorsByKey = new Map<string, Array<{ id: string; name: string }>>();
  const rows = await inBatches([...allKeys], (keys) =>
    tx.run<{ key: string; id: string; name: string }>('import/threat-actors-by-name-keys', { keys }),
  );
  for (const row of rows) {
    const list = actorsByKey.get(row.key) ?? [];
    list.push({ id: row.id, name: row.name });
    actorsByKey.set(row.key, list);
  }

  // Entities that objects of this file already are: another object of the same file is not merged into them.
  const ownEntities = new Set([...resolution.actions.values()].map((action) => action.id));
  const tentative = new Map<ImportedObject, Candidate[]>();
  const claims = new Map<string, ImportedObject[]>();
  for (const object of objects) {
    const candidates = new Map<string, Candidate>();
    for (const [key, name] of keysOf(object)) {
      for (const actor of actorsByKey.get(key) ?? []) {
        const candidate = candidates.get(actor.id) ?? { id: actor.id, name: actor.name, matchedNames: [] };
        if (!candidate.matchedNames.includes(name)) candidate.matchedNames.push(name);
        candidates.set(actor.id, candidate);
      }
    }
    const list = [...candidates.values()].sort((a, b) => a.id.localeCompare(b.id));
    tentative.set(object, list);
    if (list.length === 1) claims.set(list[0]!.id, [...(claims.get(list[0]!.id) ?? []), object]);
  }

  for (const [object, candidates] of tentative) {
    const note = (reason: string): void => {
      resolution.ambiguities.push({
        object: object.externalId,
        name: object.name,
        createdAs: object.proposedId,
        reason,
        candidates,
      });
      resolution.actions.set(object, { kind: 'write', id: object.proposedId });
      resolution.ids.set(object.externalId, object.proposedId);
    };
    if (candidates.length === 0) {
      resolution.actions.set(object, { kind: 'write', id: object.proposedId });
      resolution.ids.set(object.externalId, object.proposedId);
    } else if (candidates.length > 1) {
      note(`its names point at ${candidates.length} different existing actors`);
    } else {
      const target = candidates[0]!;
      const rivals = claims.get(target.id) ?? [];
      if (rivals.length > 1) note(`${rivals.length} objects of this file point at the same existing actor`);
      else if (ownEntities.has(target.id)) note('the existing actor it points at is another object of this file');
      else {
        resolution.actions.set(object, { kind: 'merge', id: target.id });
        resolution.ids.set(object.externalId, target.id);
        resolution.merges.push({
          object: object.externalId,
          name: object.name,
          into: target.id,
          intoName: target.name,
          matchedNames: target.matchedNames,
        });
      }
    }
  }
}

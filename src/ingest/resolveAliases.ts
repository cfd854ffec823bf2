import { batches, RESOLVE_BATCH } from '../db/batches.js';
import type { Transaction } from '../db/database.js';
import { nameKey } from '../model/names.js';
import type { Absorb } from './absorb.js';
import {
  attackIdsOf,
  conflict,
  describeIdentifier,
  isUmbrella,
  joinFacts,
  preferred,
  umbrellaReason,
  type ActorFacts,
} from './actorClusters.js';
import type { ImportedDocument, ImportedObject } from './imported.js';

/**
 * Decides which graph entity each imported object is, inside the import's write transaction
 * (docs/import-export.md, "Entity resolution", works APT31 through):
 *
 * 1. An object the graph holds under its own id (a STIX id, misp:<uuid>, state:<iso>), or under the
 *    id it was once merged under, is that entity.
 * 2. An actor is then matched by strong identifiers: ATT&CK ids (G0128) and UUIDs (a STIX id's, a
 *    MISP cluster's). Then by names and aliases (name keys: "APT 31" = "apt31"), except a name this
 *    file gives to several of its actors (an umbrella such as "Lazarus Group"), a name several
 *    existing actors carry, and an existing actor several objects of this file point at.
 * 3. Everything an object matches is one actor, unless that would join what must stay apart: two
 *    curated actors (the seed's, an editor's), actors with different ATT&CK ids, or actors one source
 *    states as two. Those get POSSIBLY_SAME_AS with the reason instead, for an analyst to settle.
 * 4. The joined actor keeps the best id among them (curated first, then STIX ids, then MISP ones,
 *    each the smallest), so the same files in any order give the same ids. An object whose id is
 *    that id is written as the entity; otherwise it is merged into it. Existing actors the object
 *    joined are absorbed into it after the write (src/ingest/absorb.ts, reversible by undoMerge).
 *
 * Only actors are matched beyond their ids; other kinds are matched by id only.
 */

export type Action =
  /** Write the object as the entity of its own id (create it, or add this source's statement). */
  | { kind: 'write'; id: string }
  /** Add the object to an entity of another id, saying why. */
  | { kind: 'merge'; id: string; why: string }
  /** Leave it out: a State the graph already has. */
  | { kind: 'skip'; id: string; reason: 'exists' };

export interface MergeNote {
  object: string;
  name: string;
  into: string;
  intoName: string;
  /** The object's names that matched the entity's name or aliases. */
  matchedNames: string[];
  /** Which keys joined them: "ATT&CK id G0128", "name \"APT31\"", "the id it was merged under". */
  reason: string;
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
  /** Existing actors to merge into the one an object of this file showed them to be. */
  absorbs: Absorb[];
  /** Objects the graph holds a later version of: cited, kept as the source's record, not shown. */
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

type Facts = ActorFacts;

async function inBatches<T, R>(items: T[], run: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (const batch of batches(items, RESOLVE_BATCH)) results.push(...(await run(batch)));
  return results;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** The name keys of an object, each with the first name that gave it. */
function keysOf(object: ImportedObject): Map<string, string> {
  const keys = new Map<string, string>();
  for (const name of [object.name, ...object.names.map((n) => n.name)]) {
    const key = nameKey(name);
    if (key !== '' && !keys.has(key)) keys.set(key, name);
  }
  return keys;
}

/** Every id the file refers to that the graph may hold: its objects, link ends, its Source. */
async function lookUp(tx: Transaction, document: ImportedDocument, extraIds: string[]) {
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
  return { lookupIds, found, mergedInto };
}

export async function resolveAliases(
  tx: Transaction,
  document: ImportedDocument,
  source: { id: string; fileName: string } | null = null,
): Promise<Resolution> {
  const { lookupIds, found, mergedInto } = await lookUp(tx, document, source === null ? [] : [source.id]);
  const fileName = source?.fileName ?? 'this file';
  const resolution: Resolution = {
    actions: new Map(),
    ids: new Map(),
    merges: [],
    ambiguities: [],
    absorbs: [],
    olderVersions: 0,
    existing: new Map(
      [...found.values()].map((row) => [
        row.id,
        { kind: row.kind, name: row.name, importedAt: row.importedAt, fileName: row.fileName },
      ]),
    ),
  };
  const settle = (object: ImportedObject, action: Action): void => {
    resolution.actions.set(object, action);
    resolution.ids.set(object.externalId, action.id);
  };
  // Actors this file's objects already are: another object of the file is not joined to them.
  const claimed = new Set<string>();
  const pending: ImportedObject[] = [];
  for (const object of document.objects) {
    const existing = found.get(object.proposedId);
    const merged = mergedInto.get(object.externalId);
    if (existing !== undefined) {
      if (object.createOnly) settle(object, { kind: 'skip', id: existing.id, reason: 'exists' });
      else {
        if (object.modified !== null && existing.modified !== null && object.modified < existing.modified) {
          resolution.olderVersions += 1;
        }
        settle(object, { kind: 'write', id: existing.id });
      }
    } else if (merged !== undefined) {
      settle(object, { kind: 'merge', id: merged, why: 'found again by the id it was merged under' });
    } else if (object.resolveByName) {
      pending.push(object);
      continue;
    } else settle(object, { kind: 'write', id: object.proposedId });
    if (object.kind === 'ThreatActor') claimed.add(resolution.ids.get(object.externalId)!);
  }

  const redirect = await resolveActors(tx, document, pending, resolution, claimed, { id: source?.id ?? null, fileName });

  for (const id of lookupIds) {
    if (resolution.ids.has(id)) continue;
    const held = found.has(id) ? id : mergedInto.get(id);
    if (held !== undefined) resolution.ids.set(id, redirect(held));
  }
  for (const [externalId, id] of resolution.ids) resolution.ids.set(externalId, redirect(id));
  return resolution;
}

/** Names that this file gives to more than one of its actors: not merge keys (umbrella names). */
function umbrellaKeys(document: ImportedDocument): Set<string> {
  const owners = new Map<string, number>();
  for (const object of document.objects) {
    if (object.kind !== 'ThreatActor') continue;
    for (const key of keysOf(object).keys()) owners.set(key, (owners.get(key) ?? 0) + 1);
  }
  return new Set([...owners].filter(([, times]) => times > 1).map(([key]) => key));
}

/** What the graph says about every object's strong identifiers and usable names, looked up at once. */
interface CandidateIndex {
  umbrella: Set<string>;
  byIdentifier: Map<string, string[]>;
  byName: Map<string, string[]>;
  facts: Map<string, Facts>;
  /** Existing actors by the objects of this file that name them uniquely. */
  namedBy: Map<string, ImportedObject[]>;
}

async function lookUpCandidates(
  tx: Transaction,
  document: ImportedDocument,
  objects: ImportedObject[],
  claimed: Set<string>,
  sourceId: string | null,
): Promise<CandidateIndex> {
  const umbrella = umbrellaKeys(document);
  const identifiers = [...new Set(objects.flatMap((object) => object.identifiers))];
  const byIdentifier = new Map<string, string[]>();
  const identifierRows = await tx.run<{ id: string; identifier: string }>('import/threat-actors-by-identifiers', {
    attackIds: identifiers.filter((key) => key.startsWith('attack:')).map((key) => key.slice(7)),
    uuids: identifiers.filter((key) => key.startsWith('uuid:')).map((key) => key.slice(5)),
  });
  for (const row of identifierRows) push(byIdentifier, row.identifier, row.id);
  const usableKeys = [...new Set(objects.flatMap((object) => [...keysOf(object).keys()]))].filter((key) => !umbrella.has(key));
  const byName = new Map<string, string[]>();
  const nameRows = await inBatches(usableKeys, (keys) =>
    tx.run<{ key: string; id: string }>('import/threat-actors-by-name-keys', { keys }),
  );
  for (const row of nameRows) push(byName, row.key, row.id);

  const facts = new Map<string, Facts>();
  const candidateIds = [...new Set([...identifierRows, ...nameRows].map((row) => row.id))];
  const factRows = await inBatches(candidateIds, (ids) =>
    tx.run<{ id: string; name: string; curated: boolean; attackIds: string[]; sources: string[] }>('import/threat-actor-facts', {
      ids,
    }),
  );
  for (const row of factRows) {
    // This file's own statements, from an earlier import of it or from this one, are "this file".
    const sources = new Set(row.sources.map((id) => (id === sourceId ? 'this file' : id)));
    if (claimed.has(row.id)) sources.add('this file');
    facts.set(row.id, { id: row.id, name: row.name, curated: row.curated, attackIds: new Set(row.attackIds), sources });
  }

  const namedBy = new Map<string, ImportedObject[]>();
  for (const object of objects) {
    for (const key of keysOf(object).keys()) {
      const ids = (byName.get(key) ?? []).filter((id) => !isUmbrella(facts.get(id)!));
      if (ids.length === 1) push(namedBy, ids[0]!, object);
    }
  }
  return { umbrella, byIdentifier, byName, facts, namedBy };
}

function umbrellaId(id: string, index: CandidateIndex): boolean {
  const facts = index.facts.get(id);
  return facts !== undefined && isUmbrella(facts);
}

/** What one object matches: by strong identifier, by a usable name, and what must stay apart (why). */
interface Matches {
  strong: string[];
  named: string[];
  apart: Map<string, string>;
  reasons: Map<string, string[]>;
  matchedNames: Map<string, string[]>;
}

function matchesOf(object: ImportedObject, index: CandidateIndex, redirect: (id: string) => string): Matches {
  const matches: Matches = { strong: [], named: [], apart: new Map(), reasons: new Map(), matchedNames: new Map() };
  const { strong, named, apart, reasons, matchedNames } = matches;
  for (const identifier of object.identifiers) {
    for (const id of (index.byIdentifier.get(identifier) ?? []).map(redirect)) {
      push(reasons, id, describeIdentifier(identifier));
      if (!strong.includes(id)) strong.push(id);
    }
  }
  for (const [key, name] of keysOf(object)) {
    if (index.umbrella.has(key)) continue;
    const carriers = [...new Set((index.byName.get(key) ?? []).map(redirect))];
    // An umbrella actor is no merge target, so it does not make a name ambiguous either; it is only
    // pointed at (POSSIBLY_SAME_AS), whichever of the two came first.
    for (const id of carriers.filter((carrier) => umbrellaId(carrier, index))) {
      push(matchedNames, id, name);
      if (!apart.has(id)) apart.set(id, umbrellaReason(index.facts.get(id)!));
    }
    const ids = carriers.filter((carrier) => !umbrellaId(carrier, index));
    for (const id of ids) push(matchedNames, id, name);
    if (ids.length === 1) {
      const id = ids[0]!;
      push(reasons, id, `name "${name}"`);
      if ((index.namedBy.get(id)?.length ?? 0) > 1 && !strong.includes(id)) {
        apart.set(id, `${index.namedBy.get(id)!.length} objects of this file point at the same existing actor`);
      } else if (!named.includes(id)) named.push(id);
    } else if (ids.length > 1) {
      for (const id of ids) if (!apart.has(id)) apart.set(id, `the name "${name}" is carried by ${ids.length} different actors`);
    }
  }
  return matches;
}

/**
 * Joins what may be joined: strong matches first (in id order), then names. Names that point at
 * actors which must stay apart (from the strong matches or from each other) join none of them.
 */
function join(self: Facts, matches: Matches, facts: Map<string, Facts>, fileName: string): { group: Facts; members: Facts[] } {
  let group = self;
  const members: Facts[] = [];
  const consider = (id: string): Facts | null => {
    const candidate = facts.get(id);
    return candidate === undefined || members.some((member) => member.id === id) ? null : candidate;
  };
  for (const id of [...matches.strong].sort()) {
    const candidate = consider(id);
    if (candidate === null) continue;
    const why = conflict(group, candidate, fileName);
    if (why !== null) matches.apart.set(id, why);
    else {
      members.push(candidate);
      group = joinFacts(group, candidate);
    }
  }
  const byNames = [...matches.named]
    .sort()
    .map(consider)
    .filter((candidate): candidate is Facts => candidate !== null);
  const clashes = new Map<string, string>();
  byNames.forEach((candidate, i) => {
    const why =
      conflict(group, candidate, fileName) ??
      byNames
        .slice(0, i)
        .map((other) => conflict(other, candidate, fileName))
        .find(Boolean);
    if (why) clashes.set(candidate.id, why);
  });
  for (const candidate of byNames) {
    if (clashes.size > 0)
      matches.apart.set(candidate.id, clashes.get(candidate.id) ?? `its names also point at ${[...clashes.keys()].join(', ')}`);
    else {
      members.push(candidate);
      group = joinFacts(group, candidate);
    }
  }
  for (const member of members) matches.apart.delete(member.id);
  return { group, members };
}

/** What resolution carries from one object to the next within a file. */
interface Placing {
  index: CandidateIndex;
  resolution: Resolution;
  claimed: Set<string>;
  redirects: Map<string, string>;
  redirect: (id: string) => string;
  fileName: string;
}

/**
 * Places one object: joins it with what it may be joined to, keeps the best id of the group, records
 * the merge or the existing actors it absorbs, and leaves POSSIBLY_SAME_AS for what must stay apart.
 */
function placeObject(object: ImportedObject, placing: Placing): void {
  const { index, resolution, claimed, redirects, redirect, fileName } = placing;
  const { facts } = index;
  const self: Facts = {
    id: object.proposedId,
    name: object.name,
    curated: false,
    attackIds: attackIdsOf(object.identifiers),
    sources: new Set(['this file']),
  };
  const matches = matchesOf(object, index, redirect);
  const { reasons, matchedNames, apart } = matches;
  const { group, members } = join(self, matches, facts, fileName);

  const survivor = [self, ...members].sort(preferred)[0]!;
  const why = (id: string): string => `${(reasons.get(id) ?? []).join(', ')} (${fileName})`;
  if (survivor === self) {
    resolution.actions.set(object, { kind: 'write', id: self.id });
  } else {
    resolution.actions.set(object, { kind: 'merge', id: survivor.id, why: why(survivor.id) });
    resolution.merges.push({
      object: object.externalId,
      name: object.name,
      into: survivor.id,
      intoName: survivor.name,
      matchedNames: matchedNames.get(survivor.id) ?? [],
      reason: (reasons.get(survivor.id) ?? []).join(', '),
    });
  }
  resolution.ids.set(object.externalId, survivor.id);
  for (const member of members) {
    if (member.id === survivor.id) continue;
    resolution.absorbs.push({
      from: member.id,
      into: survivor.id,
      why: `${object.externalId} "${object.name}": ${why(member.id)}`,
    });
    redirects.set(member.id, survivor.id);
  }
  facts.set(survivor.id, { ...group, id: survivor.id, name: survivor.name, curated: survivor.curated });
  claimed.add(survivor.id);
  facts.get(survivor.id)!.sources.add('this file');

  const candidates = [...apart.keys()]
    .map(redirect)
    .filter((id, index, all) => id !== survivor.id && all.indexOf(id) === index)
    .sort();
  if (candidates.length > 0) {
    resolution.ambiguities.push({
      object: object.externalId,
      name: object.name,
      createdAs: survivor.id,
      reason: [...new Set([...apart.values()])].join('; '),
      candidates: candidates.map((id) => ({ id, name: facts.get(id)?.name ?? id, matchedNames: matchedNames.get(id) ?? [] })),
    });
  }
}

async function resolveActors(
  tx: Transaction,
  document: ImportedDocument,
  objects: ImportedObject[],
  resolution: Resolution,
  claimed: Set<string>,
  source: { id: string | null; fileName: string },
): Promise<(id: string) => string> {
  const { fileName } = source;
  const redirects = new Map<string, string>();
  const redirect = (id: string): string => {
    let current = id;
    while (redirects.has(current)) current = redirects.get(current)!;
    return current;
  };
  if (objects.length === 0) return redirect;
  const index = await lookUpCandidates(tx, document, objects, claimed, source.id);
  const placing: Placing = { index, resolution, claimed, redirects, redirect, fileName };
  for (const object of objects) placeObject(object, placing);
  return redirect;
}

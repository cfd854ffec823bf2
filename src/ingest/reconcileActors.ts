import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../db/database.js';
import { reviveProperties } from '../db/values.js';
import { recordChanges, snapshot } from '../editing/audit.js';
import { nameKey } from '../model/names.js';
import type { PartialDate } from '../model/partialDate.js';
import { RELATIONSHIP_TYPES, isOneOf } from '../model/vocabulary.js';
import { dateProps, relationshipRow } from '../write/rows.js';
import { absorbEntity, type Absorb } from './absorb.js';
import { clusterActors, preferred, type ActorCluster, type ActorStatement, type KeptApart } from './actorClusters.js';

/**
 * Brings the graph's actors to what all the statements about them decide (src/ingest/actorClusters.ts),
 * after each import and in its transaction, so that the same files in any order give the same actors:
 *
 * 1. Statements an actor holds that belong to another actor are split out of it, into the actor of
 *    their best id (created, with the names, relationships and citations their sources gave).
 * 2. Actors that are one are merged into the one with the best id (src/ingest/absorb.ts, reversible).
 * 3. POSSIBLY_SAME_AS between actors that imported files alone cite are brought to what the
 *    statements derive: added, corrected, or removed when the two were joined or share nothing.
 *
 * Nothing is written when the graph already is what the statements decide (a re-import).
 */

/** Statements split out of an actor into another. */
export interface Split {
  from: string;
  into: string;
  /** The statement keys moved (<source id>|<the id the source gives the object>). */
  statements: string[];
  why: string;
}

export interface Reconciliation {
  splits: Split[];
  absorbs: Absorb[];
  possiblySameAs: { added: number; removed: number };
}

interface ActorRow {
  id: string;
  name: string;
  curated: boolean;
  keys: string[];
  records: string[];
  attackIds: string[];
  aliases: Array<{ name: string; sources: string[] }>;
  /** Actors an editor merged into it (mergeEntities). */
  mergedIds: string[];
  /** Actors an editor separated from it (undoMerge). */
  apartFrom: string[];
}

interface StatementRecord {
  name?: string;
  description?: string | null;
  props?: Record<string, unknown>;
  dates?: Record<string, PartialDate | null>;
  why?: string | null;
  names?: string[];
  identifiers?: string[];
}

const IMPORT_SOURCE = 'source:import:';
const IDENTIFIER_LISTS = ['stixIds', 'attackIds', 'mispUuids'] as const;

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function parseRecord(text: string | undefined): StatementRecord {
  try {
    return text === undefined || text === '' ? {} : (JSON.parse(text) as StatementRecord);
  } catch {
    return {};
  }
}

/** The UUID in a STIX id or a misp:<uuid> id, as resolution's identifiers spell it. */
function uuidOf(id: string): string[] {
  const match = /(?:--|^misp:)([0-9a-f-]{36})$/i.exec(id);
  return match ? [`uuid:${match[1]!.toLowerCase()}`] : [];
}

/** What editors decided about an actor: merged into it (its statements stay together), separated from it. */
function editor(row: ActorRow): Pick<ActorStatement, 'pinnedTo' | 'apartFrom'> {
  return { pinnedTo: row.mergedIds.length > 0 ? row.id : null, apartFrom: row.apartFrom };
}

/** An actor and the statements it holds, its records parsed once per reconciliation. */
interface HeldStatements {
  row: ActorRow;
  held: ActorStatement[];
}

/** The statements an actor holds, as resolution sees them. */
function statementsOf(row: ActorRow): ActorStatement[] {
  const statements: ActorStatement[] = [];
  const statedAttackIds = new Set<string>();
  row.keys.forEach((key, i) => {
    const bar = key.indexOf('|');
    const source = key.slice(0, bar);
    const ownId = key.slice(bar + 1);
    const record = parseRecord(row.records[i]);
    // Statements written before records kept names and identifiers: the names their source cites.
    const names = record.names ?? [
      record.name ?? row.name,
      ...row.aliases.filter((alias) => alias.sources.includes(source)).map((alias) => alias.name),
    ];
    const identifiers = record.identifiers ?? uuidOf(ownId);
    for (const identifier of identifiers) if (identifier.startsWith('attack:')) statedAttackIds.add(identifier.slice(7));
    statements.push({ key, source, ownId, name: record.name ?? row.name, curated: false, names, identifiers, ...editor(row) });
  });
  if (row.curated) {
    // A curated actor's own facts: the names its non-imported sources give, the ATT&CK ids an editor gave.
    const names = [
      row.name,
      ...row.aliases
        .filter((alias) => alias.sources.length === 0 || alias.sources.some((source) => !source.startsWith(IMPORT_SOURCE)))
        .map((alias) => alias.name),
    ];
    const identifiers = row.attackIds.filter((id) => !statedAttackIds.has(id)).map((id) => `attack:${id}`);
    statements.push({
      key: `curated|${row.id}`,
      source: null,
      ownId: row.id,
      name: row.name,
      curated: true,
      names,
      identifiers,
      ...editor(row),
    });
  }
  return statements;
}

/** The statement an actor made of split-out statements shows: its own id's, the latest version, the smaller hash. */
function shownStatement(
  into: string,
  keys: string[],
  records: Map<string, StatementRecord>,
  hashes: Map<string, string>,
): string {
  const rank = (key: string): [number, string, string] => [
    key.slice(key.indexOf('|') + 1) === into ? 0 : 1,
    String(records.get(key)?.props?.modified ?? ''),
    hashes.get(key) ?? '',
  ];
  return [...keys].sort((a, b) => {
    const [ownA, modA, hashA] = rank(a);
    const [ownB, modB, hashB] = rank(b);
    return ownA - ownB || (modA > modB ? -1 : modA < modB ? 1 : 0) || (hashA < hashB ? -1 : hashA > hashB ? 1 : 0);
  })[0]!;
}

/**
 * Citations (aligned lists) split by source: those of the moved sources, and those that stay. With
 * `whole`, a claim no staying imported file states, every citation goes with the moved sources: the
 * others are what those files cite for it (a EuRepoC row's URLs).
 */
function partition(
  sources: string[],
  quotes: string[],
  moved: Set<string>,
  leaving: Set<string>,
  whole = false,
): { taken: { citeSources: string[]; citeQuotes: string[] }; kept: { citeSources: string[]; citeQuotes: string[] } } {
  const taken = { citeSources: [] as string[], citeQuotes: [] as string[] };
  const kept = { citeSources: [] as string[], citeQuotes: [] as string[] };
  if (whole && sources.some((source) => moved.has(source))) {
    return { taken: { citeSources: sources, citeQuotes: sources.map((_, i) => quotes[i] ?? '') }, kept };
  }
  sources.forEach((source, i) => {
    if (moved.has(source)) {
      taken.citeSources.push(source);
      taken.citeQuotes.push(quotes[i] ?? '');
    }
    if (!leaving.has(source)) {
      kept.citeSources.push(source);
      kept.citeQuotes.push(quotes[i] ?? '');
    }
  });
  return { taken, kept };
}

const orNull = (values: string[]): string[] | null => (values.length === 0 ? null : values);

/**
 * Moves statements out of `from` into a new actor `into`: the statements and their records, the
 * citations, names and relationships their sources gave (copied where another source of `from` gives
 * them too), and the identifiers only they carried. Written to the audit trail as a SPLIT.
 */
async function splitOut(tx: Transaction, principal: Principal, split: Split): Promise<void> {
  const before = await snapshot(tx, split.from);
  if (before === null) return;
  const entity = before.entity;
  const keys = list(entity.mergeKeys);
  const hashes = list(entity.mergeHashes);
  const records = list(entity.mergeRecords);
  const movedKeys = new Set(split.statements);
  const sourceOf = (key: string): string => key.slice(0, key.indexOf('|'));
  const moved = new Set(split.statements.map(sourceOf));
  const staying = keys.filter((key) => !movedKeys.has(key));
  const leaving = new Set([...moved].filter((source) => !staying.some((key) => sourceOf(key) === source)));
  const recordOf = new Map(keys.map((key, i) => [key, parseRecord(records[i])]));
  const hashOf = new Map(keys.map((key, i) => [key, hashes[i] ?? '']));

  const ownIds = (which: string[]): string[] => which.map((key) => key.slice(key.indexOf('|') + 1));
  const identifiers = (which: string[], name: (typeof IDENTIFIER_LISTS)[number]): Set<string> =>
    new Set(which.flatMap((key) => list(recordOf.get(key)?.props?.[name])));

  // The new actor: the shown statement's properties, the moved statements, their citations and ids.
  const shownKey = shownStatement(split.into, split.statements, recordOf, hashOf);
  const shown = recordOf.get(shownKey)!;
  const citations = partition(list(entity.citeSources), list(entity.citeQuotes), moved, leaving);
  const props: Record<string, unknown> = {
    ...(shown.props ?? {}),
    ...dateProps(shown.dates ?? {}),
    name: shown.name ?? split.into,
    nameKey: nameKey(shown.name ?? split.into),
    description: shown.description ?? null,
    kind: 'ThreatActor',
    contentHash: hashOf.get(shownKey) ?? null,
    statementKey: shownKey,
    mergeKeys: split.statements,
    mergeHashes: split.statements.map((key) => hashOf.get(key) ?? ''),
    mergeRecords: split.statements.map((key) => records[keys.indexOf(key)] ?? ''),
    ...citations.taken,
    mergedSources: [...moved],
    mergedExternalIds: orNull(ownIds(split.statements).filter((id) => id !== split.into)),
  };
  for (const name of IDENTIFIER_LISTS) props[name] = orNull([...identifiers(split.statements, name)]);
  await tx.run('import/create-split-actor', { id: split.into, props });

  // What stays: the other statements, the citations of sources still stating it, the ids they carry.
  const movedOnly = new Map(
    IDENTIFIER_LISTS.map((name) => {
      const stays = identifiers(staying, name);
      return [name, new Set([...identifiers(split.statements, name)].filter((id) => !stays.has(id)))];
    }),
  );
  const remaining: Record<string, unknown> = {
    mergeKeys: staying,
    mergeHashes: staying.map((key) => hashOf.get(key) ?? ''),
    mergeRecords: staying.map((key) => records[keys.indexOf(key)] ?? ''),
    ...citations.kept,
    mergedSources: orNull(list(entity.mergedSources).filter((source) => !leaving.has(source))),
    mergedExternalIds: orNull(list(entity.mergedExternalIds).filter((id) => !ownIds(split.statements).includes(id))),
  };
  for (const name of IDENTIFIER_LISTS) {
    remaining[name] = orNull(list(entity[name]).filter((id) => !movedOnly.get(name)!.has(id)));
  }
  await tx.run('edit/set-properties', { id: split.from, props: remaining });

  // Names and relationships: the moved sources' citations go with them.
  const aliasRows = [];
  const aliasCitations = [];
  const relationshipRows = [];
  const relationshipCitations = [];
  const stayingImports = new Set(staying.map(sourceOf));
  for (const rel of before.relationships) {
    const relProps = rel.props;
    const cited = list(relProps.citeSources);
    // Of a curated actor, a citation no imported file made may be its own (the seed's article): it stays.
    const whole =
      entity.statementKey !== null &&
      entity.statementKey !== undefined &&
      !cited.some((source) => !moved.has(source) && stayingImports.has(source));
    const { taken, kept } = partition(cited, list(relProps.citeQuotes), moved, leaving, whole);
    if (taken.citeSources.length === 0) continue;
    if (rel.otherIsAlias) {
      const givenBy = String(relProps.givenBy ?? '');
      const name = String(relProps.name ?? rel.aliasName);
      aliasRows.push({
        entityId: split.into,
        name,
        nameKey: rel.aliasKey,
        givenBy,
        ...taken,
        knownSince: reviveProperties({ knownSince: relProps.knownSince }).knownSince ?? null,
      });
      if (kept.citeSources.length < cited.length) aliasCitations.push({ entityId: split.from, name, givenBy, ...kept });
      continue;
    }
    // POSSIBLY_SAME_AS between actors are derived again afterwards; an editor's stay where they are.
    if (rel.otherId === null || rel.otherId === split.from) continue;
    if (rel.type === 'POSSIBLY_SAME_AS' || !isOneOf(RELATIONSHIP_TYPES, rel.type)) continue;
    const key = String(relProps.key ?? '');
    const ends = rel.outgoing ? { from: split.into, to: rel.otherId } : { from: rel.otherId, to: split.into };
    relationshipRows.push({ ...ends, type: rel.type, key, props: { ...reviveProperties(relProps), ...taken } });
    if (kept.citeSources.length < cited.length) {
      const original = rel.outgoing ? { from: split.from, to: rel.otherId } : { from: rel.otherId, to: split.from };
      relationshipCitations.push({ ...original, type: rel.type, key, ...kept });
    }
  }
  await tx.run('write/upsert-aliases', { rows: aliasRows });
  await tx.run('import/set-alias-citations', { rows: aliasCitations });
  await tx.run('import/move-relationships', { rows: relationshipRows });
  await tx.run('import/set-relationship-citations', { rows: relationshipCitations });
  await tx.run('write/refresh-alias-text', { ids: [split.from, split.into] });
  await recordChanges(tx, principal, [
    {
      entityId: split.from,
      operation: 'SPLIT',
      reason: split.why,
      before,
      after: { into: split.into, statements: split.statements },
    },
    {
      entityId: split.into,
      operation: 'SPLIT_OFF',
      reason: split.why,
      after: { from: split.from, statements: split.statements },
    },
  ]);
}

/** Where each statement should be: the splits that take statements out of actors holding others' too. */
function plannedSplits(actors: HeldStatements[], clusterOf: Map<string, ActorCluster>): Split[] {
  const splits: Split[] = [];
  for (const { row, held } of actors) {
    // The actor's anchor: its curated facts, or a statement about its own id.
    const anchor = held.find((s) => s.curated) ?? held.find((s) => s.ownId === row.id) ?? held[0];
    if (anchor === undefined) continue;
    const home = clusterOf.get(anchor.key);
    const away = new Map<ActorCluster, ActorStatement[]>();
    for (const statement of held) {
      const cluster = clusterOf.get(statement.key)!;
      if (cluster === home) continue;
      away.set(cluster, [...(away.get(cluster) ?? []), statement]);
    }
    for (const [cluster, statements] of away) {
      const into = statements.map((s) => ({ id: s.ownId, curated: s.curated })).sort(preferred)[0]!.id;
      splits.push({
        from: row.id,
        into,
        statements: statements.map((s) => s.key),
        why: `${statements.map((s) => s.key).join(', ')} ${cluster.joinedBy.length === 0 ? 'stands alone' : `is one with ${cluster.keptId}`}, not with ${home?.keptId ?? row.id}, by all sources' statements`,
      });
    }
  }
  return splits;
}

/** After the splits: actors holding statements of one cluster, merged into the best id of them. */
function plannedAbsorbs(
  actors: HeldStatements[],
  splits: Split[],
  clusters: ActorCluster[],
  clusterOf: Map<string, ActorCluster>,
): Absorb[] {
  const holders = new Map<ActorCluster, Map<string, boolean>>();
  const hold = (cluster: ActorCluster, id: string, curated: boolean): void => {
    const map = holders.get(cluster) ?? new Map<string, boolean>();
    map.set(id, curated);
    holders.set(cluster, map);
  };
  const movedKeys = new Set(splits.flatMap((split) => split.statements));
  for (const { row, held } of actors) {
    for (const statement of held) {
      if (!movedKeys.has(statement.key)) hold(clusterOf.get(statement.key)!, row.id, row.curated);
    }
  }
  for (const split of splits) hold(clusterOf.get(split.statements[0]!)!, split.into, false);
  const absorbs: Absorb[] = [];
  for (const cluster of clusters) {
    const ids = [...(holders.get(cluster) ?? new Map<string, boolean>())]
      .map(([id, curated]) => ({ id, curated }))
      .sort(preferred);
    for (const other of ids.slice(1)) {
      absorbs.push({
        from: other.id,
        into: ids[0]!.id,
        why: `one actor by ${cluster.joinedBy.filter((why) => why !== 'the same id').join(', ') || 'the same id'}, across all sources' statements`,
      });
    }
  }
  return absorbs;
}

interface PossiblySameAsRow {
  from: string;
  to: string;
  key: string;
  reason: string | null;
  matchedNames: string[];
  citeSources: string[];
}

/** Brings the imported files' POSSIBLY_SAME_AS between actors to what the statements derive. */
async function syncPossiblySameAs(tx: Transaction, apart: KeptApart[]): Promise<{ added: number; removed: number }> {
  const existing = await tx.run<PossiblySameAsRow>('import/actor-possibly-same-as');
  const derived = (row: PossiblySameAsRow): boolean =>
    row.citeSources.length > 0 && row.citeSources.every((source) => source.startsWith(IMPORT_SOURCE));
  const pairKey = (from: string, to: string): string => `${from}|${to}`;
  const wanted = new Map(apart.map((pair) => [pairKey(pair.from, pair.to), pair]));
  const pairOf = (row: PossiblySameAsRow): string => pairKey(...([row.from, row.to].sort() as [string, string]));
  const same = (row: PossiblySameAsRow, pair: KeptApart): boolean =>
    row.from === pair.from &&
    row.key === '' &&
    row.reason === pair.reason &&
    [...row.matchedNames].sort().join('\n') === pair.matchedNames.join('\n') &&
    [...row.citeSources].sort().join('\n') === pair.sources.join('\n');
  const remove = existing.filter((row) => {
    if (!derived(row)) return false;
    const pair = wanted.get(pairOf(row));
    return pair === undefined || !same(row, pair);
  });
  // An editor's POSSIBLY_SAME_AS between the two stands for the derived one.
  const add = [...wanted.entries()]
    .filter(([key, pair]) => !existing.some((row) => pairOf(row) === key && (!derived(row) || same(row, pair))))
    .map(([, pair]) => pair);
  // A re-import changes none: no write statement is sent then.
  if (remove.length > 0) {
    await tx.run('import/remove-possibly-same-as', { rows: remove.map(({ from, to, key }) => ({ from, to, key })) });
  }
  const rows = add.map((pair) =>
    relationshipRow(
      {
        type: 'POSSIBLY_SAME_AS',
        from: pair.from,
        to: pair.to,
        key: '',
        props: { matchedNames: pair.matchedNames, reason: pair.reason },
        dates: {},
        citations: pair.sources.map((sourceId) => ({ sourceId, quote: null })),
        statement: { modified: null },
      },
      new Map(),
    ),
  );
  if (rows.length > 0) await tx.run('write/create-relationships', { rows });
  return { added: add.length, removed: remove.length };
}

export async function reconcileActors(tx: Transaction, principal: Principal): Promise<Reconciliation> {
  const rows = await tx.run<ActorRow>('import/actor-statements');
  const actors = rows.map((row) => ({ row, held: statementsOf(row) }));
  const { clusters, apart } = clusterActors(
    actors.flatMap((actor) => actor.held),
    nameKey,
  );
  const clusterOf = new Map<string, ActorCluster>();
  for (const cluster of clusters) for (const statement of cluster.statements) clusterOf.set(statement.key, cluster);
  const splits = plannedSplits(actors, clusterOf);
  const absorbs = plannedAbsorbs(actors, splits, clusters, clusterOf);
  for (const split of splits) await splitOut(tx, principal, split);
  for (const absorb of absorbs) await absorbEntity(tx, principal, absorb);
  const possiblySameAs = await syncPossiblySameAs(tx, apart);
  return { splits, absorbs, possiblySameAs };
}

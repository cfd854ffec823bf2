import { batches as batchesOf, WRITE_BATCH } from '../db/batches.js';
import type { Database, Transaction } from '../db/database.js';
import { encodeCitations } from '../model/citations.js';
import { relationshipIdentity } from '../model/relationshipIdentity.js';
import { toNeo4jDate } from '../db/values.js';
import { nameKey } from '../model/names.js';
import { partialDateEnd, type PartialDate } from '../model/partialDate.js';
import {
  ChangesetError,
  type Changeset,
  type Citation,
  type EntityInput,
  type PropertyValue,
  type RelationshipInput,
} from './changeset.js';
import { canonical, contentHash } from './contentHash.js';
import { referencedIds, validateChangeset } from './validate.js';

/** created / updated / unchanged counts per entity kind and per relationship type. */
export interface OutcomeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ApplyReport {
  origin: string;
  entities: Record<string, OutcomeCounts>;
  relationships: Record<string, OutcomeCounts>;
  aliases: number;
  /** True when nothing in the graph changed. */
  unchanged: boolean;
}

function batches<T>(items: readonly T[]): T[][] {
  return batchesOf(items, WRITE_BATCH);
}

/**
 * started → startedOn (first day), startedEnd (last day of the period) and startedPrecision, so
 * that range filters can test overlap ("2022" overlaps March 2022) without inventing a day.
 */
function dateProps(dates: Record<string, PartialDate | null>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, date] of Object.entries(dates)) {
    props[`${name}On`] = date === null ? null : toNeo4jDate(date.start);
    props[`${name}End`] = date === null ? null : toNeo4jDate(partialDateEnd(date));
    props[`${name}Precision`] = date === null ? null : date.precision;
  }
  return props;
}

/** When the graph first knew a claim: the earliest publication among its sources. */
function knownSince(citations: Citation[], published: ReadonlyMap<string, string>): unknown {
  const dates = citations.map((c) => published.get(c.sourceId)).filter((d): d is string => d !== undefined);
  if (dates.length === 0) return null;
  return toNeo4jDate(dates.sort()[0]!);
}

function entityRow(entity: EntityInput, published: ReadonlyMap<string, string>): Record<string, unknown> {
  const isSource = entity.kind === 'Source';
  const ownPublished = entity.dates.published?.start;
  const props: Record<string, unknown> = {
    ...entity.props,
    ...dateProps(entity.dates),
    name: entity.name,
    nameKey: nameKey(entity.name),
    description: entity.description,
    aliasText: entity.aliases.map((alias) => alias.name).join(' | ') || null,
    ...encodeCitations(entity.citations),
    knownSince: isSource ? (ownPublished ? toNeo4jDate(ownPublished) : null) : knownSince(entity.citations, published),
  };
  return { id: entity.id, kind: entity.kind, contentHash: contentHash(entity), props };
}

function relationshipRow(rel: RelationshipInput, published: ReadonlyMap<string, string>): Record<string, unknown> {
  const props: Record<string, unknown> = {
    ...rel.props,
    ...dateProps(rel.dates),
    ...encodeCitations(rel.citations),
    knownSince: knownSince(rel.citations, published),
  };
  return { from: rel.from, to: rel.to, type: rel.type, key: rel.key, contentHash: contentHash(rel), props };
}

/** Identifier lists that only ever grow: an id a source once gave an entity keeps finding it. */
function identifierList(props: Record<string, PropertyValue>, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.map(String) : [];
}

/** A merge adds the source's citations and identifiers, and keeps the rest as the source's record. */
function mergeRow(entity: EntityInput): Record<string, unknown> {
  const record = { name: entity.name, description: entity.description, props: entity.props, dates: entity.dates };
  return {
    id: entity.id,
    mergeKey: entity.merge!.key,
    contentHash: contentHash(entity),
    record: canonical(record),
    ...encodeCitations(entity.citations),
    stixIds: identifierList(entity.props, 'stixIds'),
    attackIds: identifierList(entity.props, 'attackIds'),
    mispUuids: identifierList(entity.props, 'mispUuids'),
    // The merge key is the id the source gives the object: a re-import finds the entity by it.
    externalIds: [entity.merge!.key],
  };
}

function addCounts(
  target: Record<string, OutcomeCounts>,
  rows: Array<{ outcome: string; count: number } & Record<string, unknown>>,
  keyName: string,
): void {
  for (const row of rows) {
    const key = String(row[keyName]);
    const counts = (target[key] ??= { created: 0, updated: 0, unchanged: 0 });
    counts[row.outcome as keyof OutcomeCounts] += row.count;
  }
}

interface Existing {
  kinds: Map<string, string>;
  published: Map<string, string>;
  /** Entities other sources merged into. */
  merged: Set<string>;
  /** Content hash of each entity, so unchanged ones are counted without a write. */
  hashes: Map<string, string>;
}

async function lookupExisting(tx: Transaction, ids: string[]): Promise<Existing> {
  const existing: Existing = { kinds: new Map(), published: new Map(), merged: new Set(), hashes: new Map() };
  for (const batch of batches(ids)) {
    const rows = await tx.run<{
      id: string;
      kind: string;
      publishedOn: string | null;
      hasMerges: boolean;
      contentHash: string | null;
    }>('write/existing-entities', { ids: batch });
    for (const row of rows) {
      existing.kinds.set(row.id, row.kind);
      if (row.publishedOn !== null) existing.published.set(row.id, row.publishedOn);
      if (row.hasMerges) existing.merged.add(row.id);
      if (row.contentHash !== null) existing.hashes.set(row.id, row.contentHash);
    }
  }
  return existing;
}

/**
 * The relationships starting at the given entities, by (type, from, to, key), with their content
 * hashes (null for one written outside the changeset path).
 */
async function relationshipHashes(tx: Transaction, fromIds: string[]): Promise<Map<string, string | null>> {
  const hashes = new Map<string, string | null>();
  for (const batch of batches(fromIds)) {
    const rows = await tx.run<{ type: string; from: string; to: string; key: string; contentHash: string | null }>(
      'write/existing-relationship-hashes',
      { ids: batch },
    );
    for (const row of rows) hashes.set(relationshipIdentity(row), row.contentHash);
  }
  return hashes;
}

function countUnchanged(target: Record<string, OutcomeCounts>, key: string): void {
  const counts = (target[key] ??= { created: 0, updated: 0, unchanged: 0 });
  counts.unchanged += 1;
}

/** Reports how far a long apply has come: items written so far out of all. */
export type ApplyProgress = (done: number, total: number) => void;

export interface ApplyOptions {
  onProgress?: ApplyProgress;
}

/** What one apply carries from step to step: the graph's state before it, the report, the progress. */
interface ApplyRun {
  tx: Transaction;
  changeset: Changeset;
  existing: Existing;
  /** Publication date of every source the changeset cites, for knownSince. */
  published: Map<string, string>;
  report: ApplyReport;
  /** Entities whose content changed: only their aliases are rewritten (aliases are part of the hash). */
  changed: Set<string>;
  progress(count: number): void;
}

/** The graph's sources' publication dates, with those of the sources the changeset itself adds. */
function publicationDates(changeset: Changeset, existing: Existing): Map<string, string> {
  const published = new Map(existing.published);
  for (const entity of changeset.entities) {
    const date = entity.dates.published;
    if (entity.kind === 'Source' && date) published.set(entity.id, date.start);
  }
  return published;
}

async function runEntityWrites(run: ApplyRun, statement: string, rows: Array<Record<string, unknown>>): Promise<void> {
  for (const batch of batches(rows)) {
    const result = await run.tx.run<{ id: string; kind: string; outcome: string }>(statement, { rows: batch });
    addCounts(
      run.report.entities,
      result.map((row) => ({ ...row, count: 1 })),
      'kind',
    );
    for (const row of result) if (row.outcome !== 'unchanged') run.changed.add(row.id);
    run.progress(batch.length);
  }
}

/**
 * Entities the changeset owns. Rows whose content hash the graph already holds are counted, not
 * sent: a re-import of a large file then costs two lookups instead of tens of thousands of MERGEs.
 */
async function writeOwnedEntities(run: ApplyRun): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  for (const entity of run.changeset.entities) {
    if (entity.merge !== undefined) continue;
    const row = entityRow(entity, run.published);
    if (run.existing.hashes.get(entity.id) === row.contentHash) {
      countUnchanged(run.report.entities, entity.kind);
      run.progress(1);
    } else rows.push(row);
  }
  await runEntityWrites(run, 'write/upsert-entities', rows);
}

/** What a source says about entities other origins own. */
async function writeMergedEntities(run: ApplyRun): Promise<void> {
  const merged = run.changeset.entities.filter((entity) => entity.merge !== undefined);
  await runEntityWrites(
    run,
    'write/merge-into-entities',
    merged.map((entity) => mergeRow(entity)),
  );
}

async function writeAliases(run: ApplyRun): Promise<void> {
  const rows = run.changeset.entities
    .filter((entity) => run.changed.has(entity.id))
    .flatMap((entity) =>
      entity.aliases.map((alias) => ({
        entityId: entity.id,
        name: alias.name,
        nameKey: nameKey(alias.name),
        givenBy: alias.givenBy ?? '',
        ...encodeCitations(alias.citations),
        knownSince: knownSince(alias.citations, run.published),
      })),
    );
  for (const batch of batches(rows)) {
    const [result] = await run.tx.run<{ count: number }>('write/upsert-aliases', { rows: batch });
    run.report.aliases += result?.count ?? 0;
  }
}

/**
 * Entities that other sources merged into (or that were just merged into) list every source's
 * names in their full-text field, not only their owner's.
 */
async function refreshMergedAliasText(run: ApplyRun): Promise<void> {
  const ids = run.changeset.entities
    .filter((entity) => run.changed.has(entity.id) && (entity.merge !== undefined || run.existing.merged.has(entity.id)))
    .map((entity) => entity.id);
  for (const batch of batches(ids)) await run.tx.run('write/refresh-alias-text', { ids: batch });
}

/** New relationships are created outright; only those that exist with other content are rewritten. */
async function writeRelationships(run: ApplyRun): Promise<void> {
  const { changeset, report } = run;
  const knownHashes = await relationshipHashes(run.tx, [...new Set(changeset.relationships.map((rel) => rel.from))]);
  const newRows: Array<Record<string, unknown>> = [];
  const changedRows: Array<Record<string, unknown>> = [];
  for (const rel of changeset.relationships) {
    const row = relationshipRow(rel, run.published);
    const identity = relationshipIdentity(rel);
    if (!knownHashes.has(identity)) newRows.push(row);
    else if (knownHashes.get(identity) === row.contentHash) {
      countUnchanged(report.relationships, rel.type);
      run.progress(1);
    } else changedRows.push(row);
  }
  for (const [statement, rows] of [
    ['write/create-relationships', newRows],
    ['write/upsert-relationships', changedRows],
  ] as const) {
    for (const batch of batches(rows)) {
      const result = await run.tx.run<{ type: string; outcome: string; count: number }>(statement, { rows: batch });
      addCounts(report.relationships, result, 'type');
      run.progress(batch.length);
    }
  }
}

function nothingChanged(report: ApplyReport): boolean {
  return [...Object.values(report.entities), ...Object.values(report.relationships)].every(
    (counts) => counts.created === 0 && counts.updated === 0,
  );
}

/**
 * Validates a changeset against the graph and writes it inside the caller's write transaction, so
 * that an importer can look things up, build its changeset and write it in one unit of work.
 * Throws ChangesetError (and so rolls the transaction back) when the changeset has problems.
 */
export async function applyChangesetInTransaction(
  tx: Transaction,
  changeset: Changeset,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const existing = await lookupExisting(tx, referencedIds(changeset));
  const problems = validateChangeset(changeset, existing.kinds);
  if (problems.length > 0) throw new ChangesetError(changeset.origin, problems);

  const total = changeset.entities.length + changeset.relationships.length;
  let done = 0;
  const run: ApplyRun = {
    tx,
    changeset,
    existing,
    published: publicationDates(changeset, existing),
    report: { origin: changeset.origin, entities: {}, relationships: {}, aliases: 0, unchanged: true },
    changed: new Set(),
    progress: (count) => {
      done += count;
      options.onProgress?.(done, total);
    },
  };
  await writeOwnedEntities(run);
  await writeMergedEntities(run);
  await writeAliases(run);
  await refreshMergedAliasText(run);
  await writeRelationships(run);
  run.report.unchanged = nothingChanged(run.report);
  return run.report;
}

/**
 * Validates a changeset against the graph and writes it, all in one write transaction: either
 * everything is written or, on any problem, nothing is (ChangesetError lists the problems).
 */
export async function applyChangeset(db: Database, changeset: Changeset, options: ApplyOptions = {}): Promise<ApplyReport> {
  return db.writeTransaction(
    `apply ${changeset.origin}`,
    (tx) => applyChangesetInTransaction(tx, changeset, options),
    // Large imports legitimately take longer than one API query may.
    APPLY_TIMEOUT_MS,
  );
}

/** Large imports legitimately take longer than one API query may. */
export const APPLY_TIMEOUT_MS = 10 * 60_000;

export type { PropertyValue };

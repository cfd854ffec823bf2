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
  // An imported statement's hash is its content alone: not who states it (the same claim from two
  // files hashes alike) and not its ends (a relationship moved by a merge of its end is the same claim).
  const hash = rel.statement ? contentHash({ type: rel.type, props: rel.props, dates: rel.dates }) : contentHash(rel);
  return {
    from: rel.from,
    to: rel.to,
    type: rel.type,
    key: rel.key,
    contentHash: hash,
    props,
    modified: rel.statement?.modified ?? null,
  };
}

/** Identifier lists that only ever grow: an id a source once gave an entity keeps finding it. */
function identifierList(props: Record<string, PropertyValue>, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.map(String) : [];
}

/** What a statement says, without who says it: the same content from two sources hashes alike. */
function statementHash(entity: EntityInput): string {
  return contentHash({
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    props: entity.props,
    dates: entity.dates,
    aliases: entity.aliases.map((alias) => ({
      name: alias.name,
      givenBy: alias.givenBy,
      quotes: alias.citations.map((c) => c.quote),
    })),
  });
}

/** Fields every source's record of an object keeps, whichever statement the entity shows. */
const RECORD_FIELDS = ['modified', 'revoked', 'deprecated', 'stixType', 'specVersion'];

/**
 * A statement adds the source's citations and identifiers and keeps the source's record: for the
 * entity's own object its name, description, version and revoked/deprecated flags; for an object
 * merged into an entity of another id everything it said, and why it was merged.
 */
function statementRow(entity: EntityInput, published: ReadonlyMap<string, string>): Record<string, unknown> {
  const statement = entity.statement!;
  const kept = statement.own
    ? Object.fromEntries(RECORD_FIELDS.filter((field) => entity.props[field] !== undefined).map((f) => [f, entity.props[f]]))
    : entity.props;
  const record = { name: entity.name, description: entity.description, props: kept, why: statement.why };
  const { props } = entityRow(entity, published);
  // Citations and identifier lists are unioned with other statements', never overwritten.
  const shown: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const unioned of ['citeSources', 'citeQuotes', 'stixIds', 'attackIds', 'mispUuids']) delete shown[unioned];
  return {
    id: entity.id,
    kind: entity.kind,
    key: statement.key,
    hash: statementHash(entity),
    record: canonical(record),
    own: statement.own,
    modified: statement.modified,
    props: shown,
    ...encodeCitations(entity.citations),
    stixIds: identifierList(entity.props, 'stixIds'),
    attackIds: identifierList(entity.props, 'attackIds'),
    mispUuids: identifierList(entity.props, 'mispUuids'),
    // The id the source gives an object merged into another entity finds that entity again.
    externalIds: statement.own ? [] : [statement.key.slice(statement.key.indexOf('|') + 1)],
  };
}

/** A statement the graph holds already, with the same content and every citation, needs no write. */
function statementHeld(row: Record<string, unknown>, existing: Existing): boolean {
  const held = existing.statements.get(String(row.id));
  if (held === undefined) return false;
  const index = held.keys.indexOf(String(row.key));
  return (
    index >= 0 && held.hashes[index] === row.hash && (row.citeSources as string[]).every((source) => held.sources.has(source))
  );
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
  /** Imported sources' statements about each entity: keys, hashes, the sources cited. */
  statements: Map<string, { keys: string[]; hashes: string[]; sources: Set<string> }>;
}

async function lookupExisting(tx: Transaction, ids: string[]): Promise<Existing> {
  const existing: Existing = {
    kinds: new Map(),
    published: new Map(),
    merged: new Set(),
    hashes: new Map(),
    statements: new Map(),
  };
  for (const batch of batches(ids)) {
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
interface HeldRelationship {
  contentHash: string | null;
  modified: string | null;
  citeSources: string[];
}

async function relationshipHashes(tx: Transaction, fromIds: string[]): Promise<Map<string, HeldRelationship>> {
  const hashes = new Map<string, HeldRelationship>();
  for (const batch of batches(fromIds)) {
    const rows = await tx.run<{ type: string; from: string; to: string; key: string } & HeldRelationship>(
      'write/existing-relationship-hashes',
      { ids: batch },
    );
    for (const row of rows) hashes.set(relationshipIdentity(row), row);
  }
  return hashes;
}

/**
 * A source's statement of a relationship the graph holds changes nothing when the source is cited
 * already and the statement is the one shown or loses to it (cypher/write/state-relationships.cypher).
 */
function relationshipStatementHeld(row: Record<string, unknown>, held: HeldRelationship): boolean {
  const props = row.props as Record<string, unknown>;
  if (!(props.citeSources as string[]).every((source) => held.citeSources.includes(source))) return false;
  if (held.contentHash === row.contentHash) return true;
  const modified = String(row.modified ?? '');
  const heldModified = String(held.modified ?? '');
  return modified < heldModified || (modified === heldModified && String(row.contentHash) > String(held.contentHash));
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
    if (entity.statement !== undefined) continue;
    const row = entityRow(entity, run.published);
    if (run.existing.hashes.get(entity.id) === row.contentHash) {
      countUnchanged(run.report.entities, entity.kind);
      run.progress(1);
    } else rows.push(row);
  }
  await runEntityWrites(run, 'write/upsert-entities', rows);
}

/**
 * What an imported source states about entities, added to what other sources said. Entities the
 * graph does not hold yet are created outright: most of a first import of a large file.
 */
async function writeStatements(run: ApplyRun): Promise<void> {
  const created: Array<Record<string, unknown>> = [];
  const stated: Array<Record<string, unknown>> = [];
  for (const entity of run.changeset.entities) {
    if (entity.statement === undefined) continue;
    const row = statementRow(entity, run.published);
    if (!run.existing.kinds.has(entity.id)) created.push(row);
    else if (statementHeld(row, run.existing)) {
      countUnchanged(run.report.entities, entity.kind);
      run.progress(1);
    } else stated.push(row);
  }
  await runEntityWrites(run, 'write/create-stated-entities', created);
  await runEntityWrites(run, 'write/state-entities', stated);
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
    .filter(
      (entity) =>
        run.changed.has(entity.id) &&
        (run.existing.merged.has(entity.id) || (entity.statement !== undefined && run.existing.kinds.has(entity.id))),
    )
    .map((entity) => entity.id);
  for (const batch of batches(ids)) await run.tx.run('write/refresh-alias-text', { ids: batch });
}

/** New relationships are created outright; only those that exist with other content are rewritten. */
async function writeRelationships(run: ApplyRun): Promise<void> {
  const { changeset, report } = run;
  const knownHashes = await relationshipHashes(run.tx, [...new Set(changeset.relationships.map((rel) => rel.from))]);
  const newRows: Array<Record<string, unknown>> = [];
  const changedRows: Array<Record<string, unknown>> = [];
  const statedRows: Array<Record<string, unknown>> = [];
  for (const rel of changeset.relationships) {
    const row = relationshipRow(rel, run.published);
    const held = knownHashes.get(relationshipIdentity(rel));
    if (held === undefined) newRows.push(row);
    else if (rel.statement ? relationshipStatementHeld(row, held) : held.contentHash === row.contentHash) {
      countUnchanged(report.relationships, rel.type);
      run.progress(1);
    } else if (rel.statement) {
      const props = row.props as Record<string, unknown>;
      statedRows.push({ ...row, citeSources: props.citeSources, citeQuotes: props.citeQuotes });
    } else changedRows.push(row);
  }
  for (const [statement, rows] of [
    ['write/create-relationships', newRows],
    ['write/upsert-relationships', changedRows],
    ['write/state-relationships', statedRows],
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
  await writeStatements(run);
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

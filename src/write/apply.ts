import { batches as batchesOf, WRITE_BATCH } from '../db/batches.js';
import type { Database, Transaction } from '../db/database.js';
import { citedSources, encodeCitations } from '../model/citations.js';
import { relationshipIdentity } from '../model/relationshipIdentity.js';
import { nameKey } from '../model/names.js';
import { ChangesetError, type Changeset, type EntityInput, type PropertyValue, type RelationshipInput } from './changeset.js';
import {
  lookupExisting,
  publicationDates,
  relationshipHashes,
  relationshipStatementHeld,
  statementHeld,
  type Existing,
} from './existing.js';
import { entityHash, entityRow, knownSince, relationshipHash, relationshipRow, statementHash, statementRow } from './rows.js';
import type { StagedRun } from './staging.js';
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

function countUnchanged(target: Record<string, OutcomeCounts>, key: string): void {
  const counts = (target[key] ??= { created: 0, updated: 0, unchanged: 0 });
  counts.unchanged += 1;
}

/** Reports how far a long apply has come: items written so far out of all. */
export type ApplyProgress = (done: number, total: number) => void;

export interface ApplyOptions {
  onProgress?: ApplyProgress;
  /** What a large import staged in earlier transactions (src/write/staging.ts), to switch in. */
  staged?: StagedRun;
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
  staged: StagedRun | undefined;
  /** Staged entities this apply switched in. */
  switched: Set<string>;
  progress(count: number): void;
}

/**
 * Runs a statement once per batch of items, without waiting for one batch's answer before sending
 * the next: the driver pipelines them on the transaction's connection. Each batch's parameters are
 * built (params) just before it is sent, and Node lets its I/O out between batches, so Neo4j runs
 * one batch while Node builds the next (on a first import of ATT&CK, building the rows took as long
 * as some of the statements). Each batch's answer is handed to onResult in order; the first error
 * stops the sending and rejects, and the transaction then rolls back everything.
 */
async function runBatches<T extends object, I>(
  run: ApplyRun,
  statement: string,
  items: readonly I[],
  params: (batch: I[]) => Record<string, unknown>,
  onResult: (result: T[]) => void,
): Promise<void> {
  const sent: Array<{ size: number; answer: Promise<T[]> }> = [];
  let failed = false;
  for (const batch of batches(items)) {
    if (sent.length > 0) await new Promise((resolve) => setImmediate(resolve));
    if (failed) break;
    const answer = run.tx.run<T>(statement, params(batch));
    // Awaited below; until then, a failure only stops the sending (it must not count as unhandled).
    answer.catch(() => {
      failed = true;
    });
    sent.push({ size: batch.length, answer });
  }
  const results = await Promise.all(sent.map((batch) => batch.answer));
  results.forEach((result, i) => {
    onResult(result);
    run.progress(sent[i]!.size);
  });
}

async function runEntityWrites<I>(
  run: ApplyRun,
  statement: string,
  items: readonly I[],
  params: (batch: I[]) => Record<string, unknown>,
): Promise<void> {
  await runBatches<{ id: string; kind: string; outcome: string }, I>(run, statement, items, params, (result) => {
    addCounts(
      run.report.entities,
      result.map((row) => ({ ...row, count: 1 })),
      'kind',
    );
    for (const row of result) if (row.outcome !== 'unchanged') run.changed.add(row.id);
  });
}

/**
 * Entities the changeset owns. Rows whose content hash the graph already holds are counted, not
 * sent: a re-import of a large file then costs two lookups instead of tens of thousands of MERGEs.
 */
async function writeOwnedEntities(run: ApplyRun): Promise<void> {
  const written: EntityInput[] = [];
  for (const entity of run.changeset.entities) {
    if (entity.statement !== undefined) continue;
    // Hashed first: the row is built only for what is written.
    if (run.existing.hashes.get(entity.id) === entityHash(entity)) {
      countUnchanged(run.report.entities, entity.kind);
      run.progress(1);
    } else written.push(entity);
  }
  await runEntityWrites(run, 'write/upsert-entities', written, (batch) => ({
    rows: batch.map((entity) => entityRow(entity, run.published)),
  }));
}

/**
 * What an imported source states about entities, added to what other sources said. Entities the
 * graph does not hold yet are created outright: most of a first import of a large file.
 */
async function writeStatements(run: ApplyRun): Promise<void> {
  const created: EntityInput[] = [];
  const stated: EntityInput[] = [];
  const switched: string[] = [];
  for (const entity of run.changeset.entities) {
    if (entity.statement === undefined) continue;
    if (!run.existing.kinds.has(entity.id) && run.staged?.entityIds.has(entity.id)) {
      switched.push(entity.id);
      continue;
    }
    if (!run.existing.kinds.has(entity.id)) created.push(entity);
    else if (
      statementHeld(
        { id: entity.id, key: entity.statement.key, hash: statementHash(entity), citeSources: citedSources(entity.citations) },
        run.existing,
      )
    ) {
      countUnchanged(run.report.entities, entity.kind);
      run.progress(1);
    } else stated.push(entity);
  }
  if (run.staged !== undefined) {
    const stagedBy = run.staged.run;
    await runEntityWrites(run, 'staging/switch-entities', switched, (ids) => ({ run: stagedBy, ids }));
    for (const id of switched) run.switched.add(id);
    const missing = switched.filter((id) => !run.changed.has(id));
    // A staged entity gone (discarded as older than a day) would leave its relationships dangling.
    if (missing.length > 0) {
      throw new ChangesetError(run.changeset.origin, [
        {
          at: missing[0]!,
          message: `was staged but is no longer there (${missing.length} such entities); import the file again`,
        },
      ]);
    }
  }
  const rows = (batch: EntityInput[]) => batch.map((entity) => statementRow(entity, run.published));
  await runEntityWrites(run, 'write/create-stated-entities', created, (batch) => ({ stagedBy: null, rows: rows(batch) }));
  await runEntityWrites(run, 'write/state-entities', stated, (batch) => ({ rows: rows(batch) }));
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
  await runBatches<{ count: number }, Record<string, unknown>>(
    run,
    'write/upsert-aliases',
    rows,
    (batch) => ({ rows: batch }),
    ([result]) => {
      run.report.aliases += result?.count ?? 0;
    },
  );
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
  const created: RelationshipInput[] = [];
  const changed: RelationshipInput[] = [];
  const stated: RelationshipInput[] = [];
  // The hashes already computed to compare with the graph's, for the rows of what changed.
  const hashes = new Map<RelationshipInput, string>();
  for (const rel of changeset.relationships) {
    const identity = relationshipIdentity(rel);
    if (run.switched.has(rel.from) && run.switched.has(rel.to) && run.staged?.relationships.has(identity)) {
      // Staged between two entities just switched in: already there, and new.
      addCounts(report.relationships, [{ type: rel.type, outcome: 'created', count: 1 }], 'type');
      run.progress(1);
      continue;
    }
    const held = knownHashes.get(identity);
    if (held === undefined) {
      created.push(rel);
      continue;
    }
    const hash = relationshipHash(rel);
    const unchanged = rel.statement
      ? relationshipStatementHeld(
          { citeSources: citedSources(rel.citations), contentHash: hash, modified: rel.statement.modified },
          held,
        )
      : held.contentHash === hash;
    if (unchanged) {
      countUnchanged(report.relationships, rel.type);
      run.progress(1);
      continue;
    }
    hashes.set(rel, hash);
    (rel.statement ? stated : changed).push(rel);
  }
  const row = (rel: RelationshipInput) => relationshipRow(rel, run.published, hashes.get(rel));
  // A statement's citations are unioned with other sources' (write/state-relationships).
  const statedRow = (rel: RelationshipInput) => {
    const built = row(rel);
    const props = built.props as Record<string, unknown>;
    return { ...built, citeSources: props.citeSources, citeQuotes: props.citeQuotes };
  };
  // The three are independent of each other: their batches go out without waiting for answers.
  await Promise.all(
    (
      [
        ['write/create-relationships', created, row],
        ['write/upsert-relationships', changed, row],
        ['write/state-relationships', stated, statedRow],
      ] as const
    ).map(([statement, rels, toRow]) =>
      runBatches<{ type: string; outcome: string; count: number }, RelationshipInput>(
        run,
        statement,
        rels,
        (batch) => ({ rows: batch.map(toRow) }),
        (result) => addCounts(report.relationships, result, 'type'),
      ),
    ),
  );
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
    staged: options.staged,
    switched: new Set(),
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

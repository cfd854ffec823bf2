import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database, Transaction } from '../db/database.js';
import { APPLY_TIMEOUT_MS, applyChangesetInTransaction, type ApplyProgress, type ApplyReport } from '../write/apply.js';
import { ChangesetError } from '../write/changeset.js';
import { discardStaged, stageChangeset, tidyStaged, type StagedRun } from '../write/staging.js';
import { importLimits } from '../config.js';
import type { ImportedDocument } from './imported.js';
import { looksLikeEurepocCsv } from './eurepoc/csv.js';
import { readEurepoc } from './eurepoc/read.js';
import { absorbEntity, type Absorb } from './absorb.js';
import { boundedBytes, checkNesting, DEFAULT_IMPORT_LIMITS, withinFieldLimits, type ImportLimits } from './bounds.js';
import { readMispGalaxy } from './misp/read.js';
import { reconcileActors, type Split } from './reconcileActors.js';
import { readFileForImport, type FileContent } from './readFile.js';
import { resolveAliases, type AmbiguityNote, type MergeNote } from './resolveAliases.js';
import { readStixBundle } from './stix/read.js';
import { datasetVersion, toChangeset, type FileSource } from './toChangeset.js';

/**
 * Imports one file (a STIX 2.0/2.1 bundle or a MISP threat-actor galaxy, plain or gzipped): parse
 * and check it, then, in ONE write transaction, resolve its objects against the graph
 * (src/ingest/resolveAliases.ts), build the changeset and apply it. A malformed file writes nothing.
 * A file larger than one transaction's memory allows is staged first (importStaged), and still
 * lands whole or not at all.
 */

export type ImportFormat = 'stix' | 'misp' | 'eurepoc';

export interface ImportInput {
  /** File name (for the Source and for messages). */
  name: string;
  bytes: Buffer;
}

export interface ImportOptions {
  /**
   * Given, or detected from the content ({"type": "bundle"} is STIX, {"values": [...]} is MISP, a CSV
   * with EuRepoC's header is EuRepoC).
   */
  format?: ImportFormat;
  onProgress?: ApplyProgress;
  /** Size and nesting bounds (IMPORT_MAX_BYTES, IMPORT_MAX_DEPTH); the defaults otherwise. */
  limits?: ImportLimits;
  /** For tests: a fixed import time, so that reports compare. */
  now?: () => Date;
}

export interface ImportReport {
  file: string;
  format: string;
  source: { id: string; name: string; version: string | null; sha256: string } | null;
  objects: number;
  apply: ApplyReport;
  merges: MergeNote[];
  /** Actors earlier imports created that this file showed to be one, merged (undoMerge reverses). */
  absorbed: Absorb[];
  /** Statements split out of an actor that all statements show to be another (src/ingest/reconcileActors.ts). */
  splits: Split[];
  /** POSSIBLY_SAME_AS between actors, derived from all statements: how many were added and removed. */
  possiblySameAs: { added: number; removed: number };
  ambiguities: AmbiguityNote[];
  /** Objects left out because the graph holds a later version of them. */
  olderVersionsKept: number;
  /** Objects restored from attribution-graph's own export (with their own ids and citations). */
  restored: number;
  unknownTypes: Record<string, number>;
  unknownProperties: Record<string, number>;
  warnings: string[];
  /** Oddities of the data that were handled, by kind, with the records (EuRepoC incident ids) they occurred in. */
  anomalies: Array<{ kind: string; count: number; records: string[] }>;
  unchanged: boolean;
}

function decode(input: ImportInput, bytes: Buffer, limits: ImportLimits): unknown {
  checkNesting(input.name, bytes, limits);
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ChangesetError(input.name, [{ at: input.name, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

function detectFormat(document: unknown, name: string): ImportFormat {
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const record = document as Record<string, unknown>;
    if (record.type === 'bundle') return 'stix';
    if (Array.isArray(record.values)) return 'misp';
  }
  throw unrecognised(name);
}

function unrecognised(name: string): ChangesetError {
  return new ChangesetError(name, [
    {
      at: name,
      message:
        'is neither a STIX bundle ({"type": "bundle", "objects": [...]}), a MISP galaxy ({"values": [...]}) nor a EuRepoC CSV (a header starting with ID,name,…)',
    },
  ]);
}

function readDocument(name: string, content: FileContent, format: ImportFormat | undefined): ImportedDocument {
  if (content.kind === 'text') {
    if (format === 'eurepoc' || (format === undefined && looksLikeEurepocCsv(Buffer.from(content.text.slice(0, 8192))))) {
      return withinFieldLimits(readEurepoc(content.text, name));
    }
    throw unrecognised(name);
  }
  const chosen = format ?? detectFormat(content.value, name);
  return withinFieldLimits(chosen === 'stix' ? readStixBundle(content.value, name) : readMispGalaxy(content.value, name));
}

/** Parses and checks bytes (an API request's file) without touching the graph; throws ChangesetError naming what is wrong. */
export function readImport(
  input: ImportInput,
  format?: ImportFormat,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): ImportedDocument {
  const bytes = boundedBytes(input.name, input.bytes, limits);
  if (format === 'eurepoc' || (format === undefined && looksLikeEurepocCsv(bytes))) {
    return readDocument(input.name, { kind: 'text', text: bytes.toString('utf8') }, 'eurepoc');
  }
  return readDocument(input.name, { kind: 'json', value: decode(input, bytes, limits) }, format);
}

export function sourceIdFor(sha256: string): string {
  return `source:import:${sha256.slice(0, 16)}`;
}

interface ImportRun {
  /** The file name (for the Source and for messages). */
  name: string;
  document: ImportedDocument;
  sha256: string;
  sourceId: string;
  needsSource: boolean;
  importedAt: string;
}

/** Resolves the file against the graph and builds its changeset: the same in both stages of a staged import. */
async function planImport(tx: Transaction, run: ImportRun) {
  const { name, document, sourceId } = run;
  const resolution = await resolveAliases(tx, document, run.needsSource ? { id: sourceId, fileName: name } : null);
  const previous = resolution.existing.get(sourceId);
  // The Source records the file as first imported (name, time): the same bytes imported again,
  // under any name, change nothing.
  const source: FileSource | null = run.needsSource
    ? {
        id: sourceId,
        name: previous?.name ?? document.title ?? name,
        fileName: previous?.fileName ?? name,
        sha256: run.sha256,
        importedAt: previous?.importedAt ?? run.importedAt,
      }
    : null;
  return { resolution, source, built: toChangeset(document, resolution, source, name) };
}

async function importInTransaction(
  tx: Transaction,
  run: ImportRun,
  options: ImportOptions,
  staged?: StagedRun,
): Promise<ImportReport> {
  const { name, document } = run;
  const { resolution, source, built } = await planImport(tx, run);
  const apply = await applyChangesetInTransaction(tx, built.changeset, { onProgress: options.onProgress, staged });
  // Actors an earlier import created that this file shows to be one: merged, reversibly.
  const importer = { keyId: null, name: `import ${name}`, role: null };
  for (const absorb of resolution.absorbs) await absorbEntity(tx, importer, absorb);
  // Then the actors as all statements decide, whatever order the files came in.
  const reconciled = await reconcileActors(tx, importer);
  const { added, removed } = reconciled.possiblySameAs;
  if (resolution.absorbs.length + reconciled.splits.length + reconciled.absorbs.length + added + removed > 0) {
    apply.unchanged = false;
  }
  return {
    file: name,
    format: document.formatLabel,
    source:
      source === null
        ? null
        : { id: source.id, name: source.name, version: datasetVersion(document, source.fileName).version, sha256: run.sha256 },
    objects: document.objectCount,
    apply,
    merges: resolution.merges,
    absorbed: [...resolution.absorbs, ...reconciled.absorbs],
    splits: reconciled.splits,
    possiblySameAs: reconciled.possiblySameAs,
    ambiguities: resolution.ambiguities,
    olderVersionsKept: resolution.olderVersions,
    restored: document.restored.entities.length + document.restored.relationships.length,
    unknownTypes: document.unknownTypes,
    unknownProperties: document.unknownProperties,
    warnings: [...document.warnings, ...built.warnings],
    anomalies: Object.entries(document.anomalies ?? {}).map(([kind, records]) => ({ kind, count: records.length, records })),
    unchanged: apply.unchanged,
  };
}

/**
 * A file larger than IMPORT_STAGE_ABOVE: what it creates is staged in batches (src/write/staging.ts),
 * then one transaction resolves and applies it as a small file is, switching the staged part in.
 * Whatever happens, what the run staged and did not switch in is discarded.
 */
async function importStaged(db: Database, run: ImportRun, options: ImportOptions): Promise<ImportReport> {
  const stagedBy = `${run.sourceId}:${randomUUID()}`;
  try {
    const { built } = await db.readTransaction(`plan import ${run.name}`, (tx) => planImport(tx, run), APPLY_TIMEOUT_MS);
    const staged = await stageChangeset(db, built.changeset, stagedBy, options.onProgress);
    const report = await db.writeTransaction(
      `import ${run.name}`,
      (tx) => importInTransaction(tx, run, options, staged),
      APPLY_TIMEOUT_MS,
    );
    await tidyStaged(db, staged);
    return report;
  } finally {
    // Also after a failure: a database that is down leaves the rest to the next run's discard.
    await discardStaged(db, stagedBy).catch(() => undefined);
  }
}

export async function importData(db: Database, input: ImportInput, options: ImportOptions = {}): Promise<ImportReport> {
  const limits = options.limits ?? importLimits();
  const document = readImport(input, options.format, limits);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return importDocument(db, input.name, document, sha256, options, limits);
}

async function importDocument(
  db: Database,
  name: string,
  document: ImportedDocument,
  sha256: string,
  options: ImportOptions,
  limits: ImportLimits,
): Promise<ImportReport> {
  const size = document.objects.length + document.links.length;
  const run: ImportRun = {
    name,
    document,
    sha256,
    sourceId: sourceIdFor(sha256),
    needsSource: size > 0,
    importedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  if (size > limits.stageAbove) return importStaged(db, run, options);
  return db.writeTransaction(`import ${name}`, (tx) => importInTransaction(tx, run, options), APPLY_TIMEOUT_MS);
}

/** Imports a file from disk, read as a stream (src/ingest/readFile.ts). */
export async function importFile(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const limits = options.limits ?? importLimits();
  const name = path.basename(file);
  const { content, sha256 } = await readFileForImport(file, name, limits);
  return importDocument(db, name, readDocument(name, content, options.format), sha256, options, limits);
}

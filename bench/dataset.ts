import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { importData, type ImportReport } from '../src/ingest/importData.js';
import { seedGraph } from '../src/ingest/seedGraph.js';
import { generateGraph, type GenerateReport } from './generate.js';

/**
 * The benchmark's dataset: ATT&CK Enterprise and the MISP threat actors through the real import
 * path (src/ingest/importData.ts), the seed, then the synthetic graph (bench/generate.ts) that
 * scales it to about 100k nodes and 500k relationships. The ATT&CK import is timed twice: into an
 * empty database, then again (nothing changes).
 */

export const ATTACK_FILE = path.resolve(PROJECT_ROOT, '../shared/data/attack/enterprise-attack-18.1.json.gz');
export const MISP_FILE = path.resolve(PROJECT_ROOT, '../shared/data/misp-galaxy/threat-actor.json');
export const EUREPOC_FILE = path.resolve(PROJECT_ROOT, '../shared/data/eurepoc/EuRepoC_Global_Database_1.1.csv');
/** Bump when the generator changes what it writes, so that --reuse reloads. */
export const GENERATOR_VERSION = 1;

export interface ImportTiming {
  file: string;
  objects: number;
  seconds: number;
  objectsPerSecond: number;
  unchanged: boolean;
}

export interface DatasetReport {
  reused: boolean;
  attackImport: ImportTiming | null;
  attackReimport: ImportTiming | null;
  /**
   * ATT&CK again into the emptied database, on the server the first import ran on: the first
   * import pays for a just-started JVM (compilation, planning, cold pages) as well as for the data.
   */
  attackImportRunning: ImportTiming | null;
  mispImport: ImportTiming | null;
  /** EuRepoC into the graph holding ATT&CK, the seed and MISP, and its re-import (null when the file is absent). */
  eurepocImport: ImportTiming | null;
  eurepocReimport: ImportTiming | null;
  generate: GenerateReport | null;
  nodes: number;
  relationships: number;
  description: DatasetDescription;
}

export interface DatasetDescription {
  scale: number;
  seed: number;
  generatorVersion: number;
  attack: string;
  misp: string;
}

interface Marker {
  nodeCount: number;
  marker: { state?: string; dataset?: string } | null;
}

/** One import, timed: the one function the import phase calls. */
export async function timedImport(db: Database, file: string): Promise<ImportTiming> {
  const bytes = fs.readFileSync(file);
  const started = performance.now();
  const report: ImportReport = await importData(db, { name: path.basename(file), bytes });
  const seconds = (performance.now() - started) / 1000;
  return {
    file: path.basename(file),
    objects: report.objects,
    seconds,
    objectsPerSecond: report.objects / seconds,
    unchanged: report.unchanged,
  };
}

async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
  return { nodes: row?.nodeCount ?? 0, relationships: row?.relationshipCount ?? 0 };
}

/**
 * Refuses a database that holds data the benchmark did not put there (a NEO4J_URI pointing at
 * real data); returns the marker when the database already holds this very dataset.
 */
async function checkDatabase(
  db: Database,
  own: boolean,
): Promise<{ state: 'empty' | 'ready' | 'other'; dataset: DatasetDescription | null }> {
  const [row] = await db.read<Marker>('bench/marker-check');
  if (row === undefined || row.nodeCount === 0) return { state: 'empty', dataset: null };
  if (row.marker === null) {
    if (own) return { state: 'other', dataset: null };
    throw new Error(
      `the benchmark's database holds ${row.nodeCount} nodes it did not create; it clears its database, so point it at a scratch one (or unset NEO4J_URI to use its own embedded server)`,
    );
  }
  return row.marker.state === 'ready' && row.marker.dataset !== undefined
    ? { state: 'ready', dataset: JSON.parse(row.marker.dataset) as DatasetDescription }
    : { state: 'other', dataset: null };
}

export interface LoadOptions {
  scale: number;
  seed: number;
  /** Keep a database that already holds a benchmark dataset, whatever its scale (skips loading and the import measurements). */
  reuse: boolean;
  /** The benchmark's own embedded server (.neo4j/bench): whatever it holds may be cleared. */
  ownDatabase: boolean;
  log: (message: string) => void;
}

export async function loadDataset(db: Database, options: LoadOptions): Promise<DatasetReport> {
  const description: DatasetDescription = {
    scale: options.scale,
    seed: options.seed,
    generatorVersion: GENERATOR_VERSION,
    attack: path.basename(ATTACK_FILE),
    misp: path.basename(MISP_FILE),
  };
  for (const file of [ATTACK_FILE, MISP_FILE]) {
    if (!fs.existsSync(file)) throw new Error(`the benchmark needs ${file}`);
  }
  const found = await checkDatabase(db, options.ownDatabase);
  if (found.state === 'ready' && options.reuse) {
    options.log(`reusing the dataset already loaded (--reuse, scale ${found.dataset!.scale}): import not measured`);
    return {
      reused: true,
      attackImport: null,
      attackReimport: null,
      attackImportRunning: null,
      mispImport: null,
      eurepocImport: null,
      eurepocReimport: null,
      generate: null,
      ...(await counts(db)),
      description: found.dataset!,
    };
  }
  if (found.state !== 'empty') {
    options.log('clearing the benchmark database');
    await db.autoCommit('admin/delete-all');
  }
  await db.write('bench/marker-set', { state: 'loading', dataset: JSON.stringify(description) });

  options.log(`importing ${description.attack} into an empty database`);
  const attackImport = await timedImport(db, ATTACK_FILE);
  options.log(`  ${attackImport.objects} objects in ${attackImport.seconds.toFixed(1)} s; re-importing`);
  const attackReimport = await timedImport(db, ATTACK_FILE);
  options.log(`  re-import in ${attackReimport.seconds.toFixed(1)} s (unchanged: ${attackReimport.unchanged})`);
  await db.autoCommit('admin/delete-all');
  await db.write('bench/marker-set', { state: 'loading', dataset: JSON.stringify(description) });
  const attackImportRunning = await timedImport(db, ATTACK_FILE);
  options.log(`  into the emptied database again, the server running: ${attackImportRunning.seconds.toFixed(1)} s`);
  // After ATT&CK, so that its import is measured on an empty database; loading the seed reconciles
  // the actors as an import does, so its APT31 and ATT&CK's are merged here.
  await seedGraph(db);
  options.log(`importing ${description.misp}`);
  const mispImport = await timedImport(db, MISP_FILE);
  options.log(`  ${mispImport.objects} objects in ${mispImport.seconds.toFixed(1)} s`);
  let eurepocImport: ImportTiming | null = null;
  let eurepocReimport: ImportTiming | null = null;
  if (fs.existsSync(EUREPOC_FILE)) {
    options.log(`importing ${path.basename(EUREPOC_FILE)}`);
    eurepocImport = await timedImport(db, EUREPOC_FILE);
    eurepocReimport = await timedImport(db, EUREPOC_FILE);
    options.log(
      `  ${eurepocImport.objects} incidents in ${eurepocImport.seconds.toFixed(1)} s; re-import ${eurepocReimport.seconds.toFixed(1)} s (unchanged: ${eurepocReimport.unchanged})`,
    );
  }

  options.log(`generating the synthetic graph (scale ${options.scale})`);
  const generate = await generateGraph(db, {
    scale: options.scale,
    seed: options.seed,
    onProgress: (m) => options.log(`  ${m}`),
  });
  options.log(`  generated in ${generate.seconds.toFixed(1)} s`);
  await db.read('health/await-indexes');
  await db.write('bench/marker-set', { state: 'ready', dataset: JSON.stringify(description) });
  return {
    reused: false,
    attackImport,
    attackReimport,
    attackImportRunning,
    mispImport,
    eurepocImport,
    eurepocReimport,
    generate,
    ...(await counts(db)),
    description,
  };
}

import type { DatasetReport } from './dataset.js';
import type { DbHits } from './dbHits.js';
import type { Machine } from './machine.js';
import type { PeerComparison } from './peer/compare.js';
import type { ProfileSummary } from './cpuProfile.js';
import type { StartupTimes } from './startup.js';
import type { Spread } from './stats.js';

/**
 * The benchmark's result, and its rendering as plain-text tables (stdout) and Markdown tables
 * (docs/performance.md). Both renderings and the JSON file come from this one object.
 */

export interface Settings {
  mode: 'full' | 'quick';
  scale: number;
  seed: number;
  rounds: number;
  concurrency: number;
  closedSeconds: number;
  openSeconds: number;
  warmupSeconds: number;
  /** The first workload's: it meets an API just started and a Neo4j that just wrote the dataset. */
  firstWarmupSeconds: number;
  defaultRate: number;
  variableSets: number;
  apiLogLevel: string;
}

export interface LatencyPercentiles {
  p50: Spread;
  p90: Spread;
  p99: Spread;
}

export interface WorkloadResult {
  name: string;
  title: string;
  /** Why it was not measured. */
  skipped: string | null;
  statementsPerRequest: number;
  dbHits: DbHits | null;
  throughput: { api: Spread; floor: Spread; ratio: number } | null;
  latency: { rate: number; api: LatencyPercentiles; floor: LatencyPercentiles; ratioP50: number } | null;
  apiCpuMsPerRequest: number | null;
  apiRssMb: number | null;
  errors: { api: number; floor: number; dropped: number; first: string | null };
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: Machine;
  settings: Settings;
  dataset: DatasetReport;
  startup: StartupTimes | null;
  apiPeakRssMb: number | null;
  workloads: WorkloadResult[];
  /** The API against @neo4j/graphql on the workloads both express (absent in older results, null with --no-peer). */
  peer?: PeerComparison | null;
  targets: TargetCheck[];
  profile: ProfileSummary | null;
  notes: string[];
}

// The targets of the work to bring the API close to its floor and ahead of @neo4j/graphql.
const RATIO_TARGET = 1.2;
const LOOKUP_RPS_TARGET = 1000;
const TWO_HOP_P99_TARGET_MS = 50;
const TWO_HOP_RATE = 20;
const ATTRIBUTIONS_P50_TARGET_MS = 50;
const PEER_RATIO_TARGET = 1.5;
const IMPORT_TARGET_SECONDS = 6;
const PEAK_RSS_TARGET_MB = 250;
const EUREPOC_IMPORT_TARGET_SECONDS = 15;
const EUREPOC_REIMPORT_TARGET_SECONDS = 5;

export function checkTargets(result: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const workload of result.workloads) {
    if (workload.latency === null) {
      checks.push({
        target: `${workload.title}: p50 API/floor ≤ ${RATIO_TARGET}`,
        measured: workload.skipped ?? 'not measured',
        met: null,
      });
      continue;
    }
    const ratio = workload.latency.ratioP50;
    checks.push({
      target: `${workload.title}: p50 API/floor ≤ ${RATIO_TARGET}`,
      measured: ratio.toFixed(2),
      met: ratio <= RATIO_TARGET,
    });
  }
  const lookup = result.workloads.find((workload) => workload.name === 'lookup-by-id');
  checks.push({
    target: `lookup by id ≥ ${LOOKUP_RPS_TARGET} requests/s (API, concurrency ${result.settings.concurrency})`,
    measured: lookup?.throughput ? `${Math.round(lookup.throughput.api.median)} /s` : 'not measured',
    met: lookup?.throughput ? lookup.throughput.api.median >= LOOKUP_RPS_TARGET : null,
  });
  const twoHop = result.workloads.find((workload) => workload.name === 'neighborhood-2');
  checks.push({
    target: `2-hop neighbourhood p99 ≤ ${TWO_HOP_P99_TARGET_MS} ms at ${TWO_HOP_RATE} requests/s`,
    measured: twoHop?.latency
      ? `${twoHop.latency.api.p99.median.toFixed(1)} ms at ${twoHop.latency.rate} /s`
      : (twoHop?.skipped ?? 'not measured'),
    met: twoHop?.latency ? twoHop.latency.rate >= TWO_HOP_RATE && twoHop.latency.api.p99.median <= TWO_HOP_P99_TARGET_MS : null,
  });
  const attributions = result.workloads.find((workload) => workload.name === 'attributions');
  checks.push({
    target: `attributions of a state p50 ≤ ${ATTRIBUTIONS_P50_TARGET_MS} ms`,
    measured: attributions?.latency
      ? `${attributions.latency.api.p50.median.toFixed(1)} ms at ${attributions.latency.rate} /s`
      : (attributions?.skipped ?? 'not measured'),
    met: attributions?.latency ? attributions.latency.api.p50.median <= ATTRIBUTIONS_P50_TARGET_MS : null,
  });
  for (const workload of result.peer?.workloads ?? []) {
    const ratio = workload.throughput === null ? null : workload.throughput.ours.median / workload.throughput.peer.median;
    checks.push({
      target: `${workload.title}: throughput ≥ ${PEER_RATIO_TARGET} × @neo4j/graphql`,
      measured: ratio === null ? (workload.skipped ?? 'not measured') : `${ratio.toFixed(2)} ×`,
      met: ratio === null ? null : ratio >= PEER_RATIO_TARGET,
    });
  }
  checks.push({
    target: `API peak RSS ≤ ${PEAK_RSS_TARGET_MB} MB`,
    measured: result.apiPeakRssMb === null ? 'not measured' : `${Math.round(result.apiPeakRssMb)} MB`,
    met: result.apiPeakRssMb === null ? null : result.apiPeakRssMb <= PEAK_RSS_TARGET_MB,
  });
  const attack = result.dataset.attackImport;
  checks.push({
    target: `ATT&CK Enterprise import into an empty database, Neo4j just started ≤ ${IMPORT_TARGET_SECONDS} s`,
    measured: attack ? `${attack.seconds.toFixed(1)} s` : 'not measured (--reuse)',
    met: attack ? attack.seconds <= IMPORT_TARGET_SECONDS : null,
  });
  const running = result.dataset.attackImportRunning;
  checks.push({
    target: `ATT&CK Enterprise import into an emptied database, Neo4j running ≤ ${IMPORT_TARGET_SECONDS} s`,
    measured: running ? `${running.seconds.toFixed(1)} s` : 'not measured',
    met: running ? running.seconds <= IMPORT_TARGET_SECONDS : null,
  });
  const eurepoc = result.dataset.eurepocImport;
  const eurepocAgain = result.dataset.eurepocReimport;
  checks.push({
    target: `EuRepoC import into the graph holding ATT&CK and MISP ≤ ${EUREPOC_IMPORT_TARGET_SECONDS} s, re-import ≤ ${EUREPOC_REIMPORT_TARGET_SECONDS} s changing nothing`,
    measured: eurepoc && eurepocAgain ? `${eurepoc.seconds.toFixed(1)} s, ${eurepocAgain.seconds.toFixed(1)} s` : 'not measured',
    met:
      eurepoc && eurepocAgain
        ? eurepoc.seconds <= EUREPOC_IMPORT_TARGET_SECONDS &&
          eurepocAgain.seconds <= EUREPOC_REIMPORT_TARGET_SECONDS &&
          eurepocAgain.unchanged
        : null,
  });
  return checks;
}

const fixed = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
const whole = (value: number | null | undefined): string =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en-US');
const withSpread = (value: Spread, digits = 1): string =>
  value.samples.length > 1
    ? `${fixed(value.median, digits)} (${fixed(value.min, digits)}–${fixed(value.max, digits)})`
    : fixed(value.median, digits);
const wholeSpread = (value: Spread): string =>
  value.samples.length > 1 ? `${whole(value.median)} (${whole(value.min)}–${whole(value.max)})` : whole(value.median);

interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

function tables(result: BenchResult): Table[] {
  const measured = result.workloads.filter((workload) => workload.skipped === null);
  const throughput: Table = {
    title: `Throughput at concurrency ${result.settings.concurrency} (requests/s, median of ${result.settings.rounds} rounds, min–max)`,
    header: ['workload', 'API', 'floor (driver)', 'API/floor'],
    rows: measured.map((w) => [
      w.title,
      wholeSpread(w.throughput!.api),
      wholeSpread(w.throughput!.floor),
      fixed(w.throughput!.ratio, 2),
    ]),
  };
  const latency: Table = {
    title: 'Latency at a fixed arrival rate (ms, median of rounds, min–max; from when each request was due)',
    header: ['workload', 'rate /s', 'API p50', 'API p90', 'API p99', 'floor p50', 'floor p90', 'floor p99', 'p50 API/floor'],
    rows: measured.map((w) => [
      w.title,
      String(w.latency!.rate),
      withSpread(w.latency!.api.p50),
      withSpread(w.latency!.api.p90),
      withSpread(w.latency!.api.p99),
      withSpread(w.latency!.floor.p50),
      withSpread(w.latency!.floor.p90),
      withSpread(w.latency!.floor.p99),
      fixed(w.latency!.ratioP50, 2),
    ]),
  };
  const cost: Table = {
    title: 'Cost per request',
    header: ['workload', 'statements', 'db hits', 'heaviest statement (db hits)', 'API CPU ms', 'API RSS MB', 'errors API/floor'],
    rows: measured.map((w) => {
      const heaviest = Object.entries(w.dbHits?.byStatement ?? {}).sort((a, b) => b[1] - a[1])[0];
      return [
        w.title,
        fixed(w.statementsPerRequest, 1),
        whole(w.dbHits?.perRequest),
        heaviest === undefined ? '–' : `${heaviest[0]} (${whole(heaviest[1])})`,
        fixed(w.apiCpuMsPerRequest, 2),
        whole(w.apiRssMb),
        `${w.errors.api}/${w.errors.floor}${w.errors.dropped > 0 ? ` (${w.errors.dropped} dropped)` : ''}`,
      ];
    }),
  };
  const targets: Table = {
    title: 'Targets',
    header: ['target', 'measured', 'met'],
    rows: result.targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'yes' : 'NO']),
  };
  const peer = peerTable(result);
  return peer === null ? [throughput, latency, cost, targets] : [throughput, latency, cost, peer, targets];
}

function peerTable(result: BenchResult): Table | null {
  const comparison = result.peer;
  if (comparison === undefined || comparison === null) return null;
  const measured = comparison.workloads.filter((w) => w.skipped === null);
  if (measured.length === 0) return null;
  return {
    title: `Against ${comparison.library} on the same Neo4j and data (requests/s at concurrency ${result.settings.concurrency}, median of ${result.settings.rounds} rounds; p50 ms at the rate shown; answers checked identical)`,
    header: [
      'workload',
      'ours /s',
      'peer /s',
      'floor /s',
      'ours/peer',
      'rate /s',
      'p50 ours',
      'p50 peer',
      'p50 floor',
      'CPU ms ours',
      'CPU ms peer',
      'errors ours/peer/floor',
    ],
    rows: measured.map((w) => [
      w.title,
      wholeSpread(w.throughput!.ours),
      wholeSpread(w.throughput!.peer),
      wholeSpread(w.throughput!.floor),
      fixed(w.throughput!.ours.median / w.throughput!.peer.median, 2),
      String(w.latency!.rate),
      withSpread(w.latency!.ours.p50),
      withSpread(w.latency!.peer.p50),
      withSpread(w.latency!.floor.p50),
      fixed(w.cpuMsPerRequest.ours, 2),
      fixed(w.cpuMsPerRequest.peer, 2),
      `${w.errors.ours}/${w.errors.peer}/${w.errors.floor}`,
    ]),
  };
}

function summaryLines(result: BenchResult): string[] {
  const d = result.dataset;
  const m = result.machine;
  const lines = [
    `attribution-graph benchmark, ${result.settings.mode} run, ${result.finishedAt}`,
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB, ${m.os}; Node ${m.node}; ${m.java}; Neo4j ${m.neo4j}`,
    `Dataset: ${whole(d.nodes)} nodes, ${whole(d.relationships)} relationships (ATT&CK Enterprise, MISP threat actors, seed, synthetic scale ${result.settings.scale}, seed ${result.settings.seed})${d.reused ? ', reused' : ''}`,
  ];
  const imported = [
    d.attackImport &&
      `ATT&CK Enterprise into an empty database: ${whole(d.attackImport.objects)} objects in ${fixed(d.attackImport.seconds)} s (${whole(d.attackImport.objectsPerSecond)} objects/s)`,
    d.attackReimport &&
      `re-import (unchanged: ${d.attackReimport.unchanged}): ${fixed(d.attackReimport.seconds)} s (${whole(d.attackReimport.objectsPerSecond)} objects/s)`,
    d.attackImportRunning && `into the emptied database again, Neo4j running: ${fixed(d.attackImportRunning.seconds)} s`,
    d.mispImport && `MISP threat actors: ${whole(d.mispImport.objects)} objects in ${fixed(d.mispImport.seconds)} s`,
    d.eurepocImport &&
      `EuRepoC 1.1: ${whole(d.eurepocImport.objects)} incidents in ${fixed(d.eurepocImport.seconds)} s, re-import ${fixed(d.eurepocReimport?.seconds)} s (unchanged: ${d.eurepocReimport?.unchanged})`,
    d.generate && `synthetic graph written in ${fixed(d.generate.seconds)} s`,
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  if (imported.length > 0) lines.push(`Import: ${imported.join('; ')}`);
  lines.push(
    result.startup === null
      ? 'Start-up: not measured'
      : `Start-up (npm start to "ready", jars cached): first start on an empty store (seeds) ${fixed(result.startup.firstStartSeconds)} s; restart ${fixed(result.startup.restartSeconds)} s`,
  );
  if (result.apiPeakRssMb !== null) lines.push(`API process peak RSS: ${whole(result.apiPeakRssMb)} MB`);
  return lines;
}

export function renderText(result: BenchResult): string {
  const out = [...summaryLines(result), ''];
  for (const table of tables(result)) {
    const widths = table.header.map((head, i) => Math.max(head.length, ...table.rows.map((row) => row[i]!.length)));
    const line = (cells: string[]): string =>
      cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    out.push(table.title, line(table.header), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line), '');
  }
  for (const workload of result.workloads.filter((w) => w.skipped !== null)) out.push(`${workload.title}: ${workload.skipped}`);
  for (const workload of result.peer?.workloads.filter((w) => w.skipped !== null) ?? [])
    out.push(`against the peer, ${workload.title}: ${workload.skipped}`);
  for (const note of result.notes) out.push(`note: ${note}`);
  if (result.profile !== null) {
    out.push('', `CPU profile of the API under "${result.profile.workload}" (${result.profile.file}), self time:`);
    for (const entry of result.profile.byPackage.slice(0, 8)) out.push(`  ${fixed(entry.percent)}%  ${entry.name}`);
    for (const entry of result.profile.byFunction.slice(0, 12)) out.push(`  ${fixed(entry.percent)}%  ${entry.name}`);
    const slowest = result.profile.slowestStatement;
    if (slowest !== undefined) {
      out.push('', `PROFILE of ${slowest.statement} (${whole(slowest.dbHits)} db hits), operators with their rows and db hits:`);
      for (const op of slowest.operators)
        out.push(`  ${'  '.repeat(op.depth)}${op.operator}  rows ${whole(op.rows)}  hits ${whole(op.dbHits)}  ${op.details}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderMarkdown(result: BenchResult): string {
  const out = summaryLines(result).map((line) => `- ${line}`);
  out.push('');
  for (const table of tables(result)) {
    out.push(
      `**${table.title}**`,
      '',
      `| ${table.header.join(' | ')} |`,
      `|${table.header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    );
    for (const row of table.rows) out.push(`| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
    out.push('');
  }
  for (const workload of result.workloads.filter((w) => w.skipped !== null)) out.push(`- ${workload.title}: ${workload.skipped}`);
  for (const workload of result.peer?.workloads.filter((w) => w.skipped !== null) ?? [])
    out.push(`- against the peer, ${workload.title}: ${workload.skipped}`);
  for (const note of result.notes) out.push(`- ${note}`);
  return `${out.join('\n')}\n`;
}

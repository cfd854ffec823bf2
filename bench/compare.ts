import fs from 'node:fs';
import type { BenchResult } from './report.js';

/**
 * `--compare <earlier result>`: what got worse since an earlier run, for people checking a change
 * (not a CI gate: the figures move with the machine's load). A figure counts as worse when it moved
 * the wrong way by more than the threshold: throughput down, latency, CPU, database hits, memory or
 * import time up, a ratio to the floor or to the peer in the wrong direction.
 */

export const REGRESSION_THRESHOLD = 0.2;

export interface Regression {
  what: string;
  before: number;
  after: number;
  /** Relative change in the bad direction (0.25: 25% worse). */
  worse: number;
}

export function readEarlierResult(file: string): BenchResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--compare: cannot read ${file} as a benchmark result (${(error as Error).message})`);
  }
  const result = parsed as Partial<BenchResult>;
  if (result.version !== 1 || !Array.isArray(result.workloads)) {
    throw new Error(`--compare: ${file} is not a result of npm run bench (bench/results/*.json)`);
  }
  return result as BenchResult;
}

/** Figures of both runs, keyed by what they measure; `higherIsBetter` tells the direction. */
function figures(result: BenchResult): Map<string, { value: number; higherIsBetter: boolean }> {
  const out = new Map<string, { value: number; higherIsBetter: boolean }>();
  const put = (what: string, value: number | null | undefined, higherIsBetter: boolean): void => {
    if (value !== null && value !== undefined && Number.isFinite(value) && value > 0) out.set(what, { value, higherIsBetter });
  };
  for (const w of result.workloads) {
    if (w.skipped !== null) continue;
    put(`${w.title}: API requests/s`, w.throughput?.api.median, true);
    put(`${w.title}: API/floor throughput`, w.throughput?.ratio, true);
    if (w.latency !== null) {
      const at = `at ${w.latency.rate}/s`;
      put(`${w.title}: API p50 ms ${at}`, w.latency.api.p50.median, false);
      put(`${w.title}: API p90 ms ${at}`, w.latency.api.p90.median, false);
      put(`${w.title}: API p99 ms ${at}`, w.latency.api.p99.median, false);
      put(`${w.title}: p50 API/floor`, w.latency.ratioP50, false);
    }
    put(`${w.title}: API CPU ms per request`, w.apiCpuMsPerRequest, false);
    put(`${w.title}: db hits per request`, w.dbHits?.perRequest, false);
    put(`${w.title}: statements per request`, w.statementsPerRequest, false);
  }
  for (const w of result.peer?.workloads ?? []) {
    if (w.throughput === null) continue;
    put(`against the peer, ${w.title}: ours/peer throughput`, w.throughput.ours.median / w.throughput.peer.median, true);
    if (w.latency !== null) put(`against the peer, ${w.title}: ours p50 ms`, w.latency.ours.p50.median, false);
  }
  put('API peak RSS MB', result.apiPeakRssMb, false);
  put('ATT&CK import into an empty database, s', result.dataset.attackImport?.seconds, false);
  put('ATT&CK re-import, s', result.dataset.attackReimport?.seconds, false);
  put('ATT&CK import, Neo4j running, s', result.dataset.attackImportRunning?.seconds, false);
  put('start-up on an empty store, s', result.startup?.firstStartSeconds, false);
  put('restart, s', result.startup?.restartSeconds, false);
  return out;
}

export function regressions(before: BenchResult, after: BenchResult, threshold = REGRESSION_THRESHOLD): Regression[] {
  const earlier = figures(before);
  const found: Regression[] = [];
  for (const [what, now] of figures(after)) {
    const then = earlier.get(what);
    if (then === undefined) continue;
    const worse = now.higherIsBetter ? then.value / now.value - 1 : now.value / then.value - 1;
    if (worse > threshold) found.push({ what, before: then.value, after: now.value, worse });
  }
  return found.sort((a, b) => b.worse - a.worse);
}

const figure = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));

/** The comparison as text: a warning when the runs are not alike, then each regression. */
export function renderComparison(before: BenchResult, after: BenchResult, file: string): string {
  const lines = [`Compared with ${file} (${before.settings.mode} run of ${before.finishedAt}):`];
  if (before.settings.mode !== after.settings.mode || before.settings.scale !== after.settings.scale) {
    lines.push(
      `  warning: that run was ${before.settings.mode} at scale ${before.settings.scale}, this one ${after.settings.mode} at scale ${after.settings.scale}; figures are not alike`,
    );
  }
  const found = regressions(before, after);
  if (found.length === 0) lines.push(`  nothing got worse by more than ${REGRESSION_THRESHOLD * 100}%`);
  else {
    lines.push(`  worse by more than ${REGRESSION_THRESHOLD * 100}% (${found.length}):`);
    for (const r of found)
      lines.push(`  ${r.what}: ${figure(r.before)} → ${figure(r.after)} (${Math.round(r.worse * 100)}% worse)`);
  }
  return `${lines.join('\n')}\n`;
}

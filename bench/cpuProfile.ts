import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import type { PlanOperator } from './dbHits.js';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of the API under load: self time by function
 * and by package (node_modules/<package>, src/…, node: internals), largest first.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface ProfileEntry {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  workload: string;
  /** Requests the API served while profiled. */
  requests?: number;
  /** The heaviest statement of the workload (most db hits), PROFILEd operator by operator. */
  slowestStatement?: { statement: string; dbHits: number; operators: PlanOperator[] };
  file: string;
  seconds: number;
  byFunction: ProfileEntry[];
  byPackage: ProfileEntry[];
}

function packageOf(url: string): string {
  if (url === '') return '(V8 / native)';
  if (url.startsWith('node:')) return 'node: internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules !== null) return modules[1]!;
  const local = url.replace(/^file:\/\//, '');
  const relative = path.relative(PROJECT_ROOT, local);
  return relative.startsWith('..') ? local : path.dirname(relative);
}

function shortUrl(url: string): string {
  const local = url.replace(/^file:\/\//, '');
  const modules = local.lastIndexOf('node_modules/');
  if (modules >= 0) return local.slice(modules + 'node_modules/'.length);
  return local.startsWith(PROJECT_ROOT) ? path.relative(PROJECT_ROOT, local) : local;
}

function top(map: Map<string, number>, total: number, count: number): ProfileEntry[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({ name, percent: (hits / total) * 100 }));
}

export function summariseProfile(file: string, workload: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += hits;
    const name = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  return {
    workload,
    file: path.relative(PROJECT_ROOT, file),
    seconds: (profile.endTime - profile.startTime) / 1e6,
    byFunction: top(byFunction, Math.max(total, 1), 25),
    byPackage: top(byPackage, Math.max(total, 1), 15),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import type { ApiProcess } from '../apiProcess.js';
import type { FloorPlan, OperationCapture } from '../capture.js';
import type { LoadClient } from '../loadClient.js';
import type { RunResult } from '../load.js';
import type { Random } from '../random.js';
import type { LatencyPercentiles, Settings } from '../report.js';
import { percentile, spread, type Spread } from '../stats.js';
import type { Pools } from '../workloads.js';
import { PEER_WORKLOADS, type PeerWorkload } from './workloads.js';

/**
 * The API against @neo4j/graphql (the peer) on the workloads both can express: the same requests,
 * checked to give the same answers id by id, then measured with the same load generator, rounds
 * and arrival rate as the API against its floor, the three targets taking turns to go first.
 */

export interface PeerWorkloadResult {
  name: string;
  title: string;
  /** Why it was not measured (an answer that differs, a failing request). */
  skipped: string | null;
  /** Requests whose answers were compared and found the same. */
  checked: number;
  throughput: { ours: Spread; peer: Spread; floor: Spread } | null;
  latency: { rate: number; ours: LatencyPercentiles; peer: LatencyPercentiles; floor: LatencyPercentiles } | null;
  cpuMsPerRequest: { ours: number | null; peer: number | null };
  errors: { ours: number; peer: number; floor: number; first: string | null };
}

export interface PeerComparison {
  library: string;
  workloads: PeerWorkloadResult[];
}

export interface PeerPrepared {
  workload: PeerWorkload;
  bodies: string[];
  peerBodies: string[];
  plans: FloorPlan[];
  /** Our answers, reduced to the comparable form. */
  expected: string[];
}

export function peerLibrary(): string {
  const file = path.join(PROJECT_ROOT, 'node_modules', '@neo4j', 'graphql', 'package.json');
  return `@neo4j/graphql ${(JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version}`;
}

/** Our side of each peer workload, through the API's own resolvers (its statements are the floor). */
export async function preparePeerWorkloads(
  capture: OperationCapture,
  pools: Pools,
  random: (index: number) => Random,
  count: number,
  only: string[] | undefined,
  skip: (result: PeerWorkloadResult) => void,
): Promise<PeerPrepared[]> {
  const prepared: PeerPrepared[] = [];
  for (const [index, workload] of PEER_WORKLOADS.entries()) {
    if (only !== undefined && !only.includes(workload.name)) continue;
    const entry: PeerPrepared = { workload, bodies: [], peerBodies: [], plans: [], expected: [] };
    let failure: string | null = null;
    for (const set of workload.variables(pools, random(index), count)) {
      const captured = await capture.capture(workload.ours, set.ours);
      if (captured.error !== null) {
        failure = `skipped: the API fails (${captured.error}) for ${JSON.stringify(set.ours)}`;
        break;
      }
      entry.bodies.push(JSON.stringify({ query: workload.ours, variables: set.ours }));
      entry.peerBodies.push(JSON.stringify({ query: workload.peer, variables: set.peer }));
      entry.plans.push(captured.plan);
      entry.expected.push(JSON.stringify(workload.sameAs.ours(captured.data as Record<string, unknown>)));
    }
    if (failure !== null) skip(notMeasured(workload, failure));
    else prepared.push(entry);
  }
  return prepared;
}

function notMeasured(workload: PeerWorkload, reason: string, checked = 0): PeerWorkloadResult {
  return {
    name: workload.name,
    title: workload.title,
    skipped: reason,
    checked,
    throughput: null,
    latency: null,
    cpuMsPerRequest: { ours: null, peer: null },
    errors: { ours: 0, peer: 0, floor: 0, first: null },
  };
}

async function post(url: string, body: string): Promise<{ data?: Record<string, unknown>; errors?: Array<{ message: string }> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
}

/** Every request sent to the peer; null when each answer equals ours, else why not. */
export async function checkPeerAnswers(peerUrl: string, entry: PeerPrepared): Promise<string | null> {
  for (const [index, body] of entry.peerBodies.entries()) {
    const answer = await post(peerUrl, body);
    if (answer.errors !== undefined && answer.errors.length > 0)
      return `skipped: the peer fails (${answer.errors[0]!.message}) for ${body.slice(0, 300)}`;
    const got = JSON.stringify(entry.workload.sameAs.peer(answer.data ?? null));
    if (got !== entry.expected[index])
      return `skipped: answers differ for ${JSON.stringify(JSON.parse(body).variables)}: API ${entry.expected[index]!.slice(0, 300)}; peer ${got.slice(0, 300)}`;
  }
  return null;
}

type Target = 'api' | 'peer' | 'floor';
const MAX_CLOSED_REQUESTS = 100_000;

export async function measureAgainstPeer(
  load: LoadClient,
  servers: { api: ApiProcess; peer: ApiProcess },
  entry: PeerPrepared,
  settings: Settings,
  log: (message: string) => void,
): Promise<PeerWorkloadResult> {
  const { name, title } = entry.workload;
  await load.prepare(`peer:${name}`, entry.bodies, entry.plans, entry.peerBodies);
  const cpu = { api: 0, peer: 0 };
  const answered = { api: 0, peer: 0 };
  const runOn = async (target: Target, mode: 'closed' | 'open', seconds: number, rate: number): Promise<RunResult> => {
    const server = target === 'floor' ? undefined : servers[target];
    const before = await server?.stats();
    const result = await load.run({
      workload: `peer:${name}`,
      target,
      mode,
      concurrency: mode === 'closed' ? settings.concurrency : 0,
      rate: mode === 'closed' ? 0 : rate,
      durationMs: seconds * 1000,
      maxRequests: mode === 'closed' ? MAX_CLOSED_REQUESTS : Math.ceil(rate * seconds),
    });
    if (server !== undefined && before !== undefined && target !== 'floor') {
      cpu[target] += (await server.stats()).cpuMicros - before.cpuMicros;
      answered[target] += result.completed + result.errors;
    }
    return result;
  };

  // Warm-up of all three; the rate follows the API-against-floor rule (bench/measure.ts).
  await runOn('api', 'closed', settings.warmupSeconds, 0);
  await runOn('peer', 'closed', settings.warmupSeconds, 0);
  const warm = await runOn('floor', 'closed', settings.warmupSeconds, 0);
  const floorCapacity = warm.completed / (warm.elapsedMs / 1000);
  let rate = settings.defaultRate;
  if (floorCapacity < rate * 1.5) rate = [50, 20, 10, 5, 2, 1].find((step) => step <= floorCapacity / 2) ?? 1;

  const closed: Record<Target, RunResult[]> = { api: [], peer: [], floor: [] };
  const open: Record<Target, RunResult[]> = { api: [], peer: [], floor: [] };
  const rotations: Target[][] = [
    ['api', 'peer', 'floor'],
    ['peer', 'floor', 'api'],
    ['floor', 'api', 'peer'],
  ];
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = rotations[round % rotations.length]!;
    for (const target of order) closed[target].push(await runOn(target, 'closed', settings.closedSeconds, 0));
    for (const target of order) open[target].push(await runOn(target, 'open', settings.openSeconds, rate));
    const rps = (run: RunResult) => Math.round(run.completed / (run.elapsedMs / 1000));
    log(
      `  peer ${name} round ${round + 1}: API ${rps(closed.api.at(-1)!)}/s, peer ${rps(closed.peer.at(-1)!)}/s, floor ${rps(closed.floor.at(-1)!)}/s`,
    );
  }
  const perSecond = (run: RunResult) => run.completed / (run.elapsedMs / 1000);
  const latencies = (runs: RunResult[]): LatencyPercentiles => {
    const of = (p: number) => spread(runs.map((run) => percentile(run.latencies, p)));
    return { p50: of(50), p90: of(90), p99: of(99) };
  };
  const all = (target: Target) => [...closed[target], ...open[target]];
  const errors = (target: Target) => all(target).reduce((sum, run) => sum + run.errors, 0);
  return {
    name,
    title,
    skipped: null,
    checked: entry.expected.length,
    throughput: {
      ours: spread(closed.api.map(perSecond)),
      peer: spread(closed.peer.map(perSecond)),
      floor: spread(closed.floor.map(perSecond)),
    },
    latency: { rate, ours: latencies(open.api), peer: latencies(open.peer), floor: latencies(open.floor) },
    cpuMsPerRequest: {
      ours: answered.api === 0 ? null : cpu.api / 1000 / answered.api,
      peer: answered.peer === 0 ? null : cpu.peer / 1000 / answered.peer,
    },
    errors: {
      ours: errors('api'),
      peer: errors('peer'),
      floor: errors('floor'),
      first: [...all('api'), ...all('peer'), ...all('floor')].find((run) => run.firstError !== null)?.firstError ?? null,
    },
  };
}

export { notMeasured as peerNotMeasured };

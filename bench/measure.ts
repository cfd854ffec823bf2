import type { ApiProcess } from './apiProcess.js';
import type { LoadClient } from './loadClient.js';
import type { RunResult } from './load.js';
import type { LatencyPercentiles, Settings, WorkloadResult } from './report.js';
import { percentile, spread } from './stats.js';

/**
 * Measures one workload both ways, alternating: through the API over HTTP, and its Cypher with the
 * driver alone (the floor). A warm-up first; then rounds, each with a closed-loop run (fixed
 * concurrency: throughput) and an open-loop run (fixed arrival rate: latency) of both targets, the
 * target that goes first swapping every round. The API's CPU time is read around its runs.
 */

export interface PreparedWorkload {
  name: string;
  title: string;
  statementsPerRequest: number;
}

const MAX_CLOSED_REQUESTS = 100_000;

function latencies(runs: RunResult[]): LatencyPercentiles {
  const of = (p: number) => spread(runs.map((run) => percentile(run.latencies, p)));
  return { p50: of(50), p90: of(90), p99: of(99) };
}

export async function measureWorkload(
  load: LoadClient,
  api: ApiProcess,
  workload: PreparedWorkload,
  settings: Settings,
  log: (message: string) => void,
): Promise<Omit<WorkloadResult, 'dbHits' | 'skipped'>> {
  const closed = (target: 'api' | 'floor', seconds: number) =>
    load.run({
      workload: workload.name,
      target,
      mode: 'closed',
      concurrency: settings.concurrency,
      rate: 0,
      durationMs: seconds * 1000,
      maxRequests: MAX_CLOSED_REQUESTS,
    });
  let rate = settings.defaultRate;
  const open = (target: 'api' | 'floor') =>
    load.run({
      workload: workload.name,
      target,
      mode: 'open',
      concurrency: 0,
      rate,
      durationMs: settings.openSeconds * 1000,
      maxRequests: Math.ceil(rate * settings.openSeconds),
    });

  let cpuMicros = 0;
  let apiRequests = 0;
  let rss = 0;
  const onApi = async (run: () => Promise<RunResult>): Promise<RunResult> => {
    const before = await api.stats();
    const result = await run();
    const after = await api.stats();
    cpuMicros += after.cpuMicros - before.cpuMicros;
    apiRequests += result.completed + result.errors;
    rss = Math.max(rss, after.rss);
    return result;
  };

  // Warm-up: JIT, plan caches, connection pools. The floor's warm-up throughput also sets the
  // arrival rate: the default, or a round rate below half of what the floor sustains when that is
  // less (a rate the database itself cannot serve measures its queue, not the API).
  await closed('api', settings.warmupSeconds);
  const warm = await closed('floor', settings.warmupSeconds);
  const floorCapacity = warm.completed / (warm.elapsedMs / 1000);
  if (floorCapacity < rate * 1.5) rate = [50, 20, 10, 5, 2, 1].find((step) => step <= floorCapacity / 2) ?? 1;

  const runs = {
    apiClosed: [] as RunResult[],
    floorClosed: [] as RunResult[],
    apiOpen: [] as RunResult[],
    floorOpen: [] as RunResult[],
  };
  for (let round = 0; round < settings.rounds; round += 1) {
    const order: Array<'api' | 'floor'> = round % 2 === 0 ? ['api', 'floor'] : ['floor', 'api'];
    for (const target of order) {
      if (target === 'api') runs.apiClosed.push(await onApi(() => closed('api', settings.closedSeconds)));
      else runs.floorClosed.push(await closed('floor', settings.closedSeconds));
    }
    for (const target of order) {
      if (target === 'api') runs.apiOpen.push(await onApi(() => open('api')));
      else runs.floorOpen.push(await open('floor'));
    }
    log(
      `  ${workload.name} round ${round + 1}: API ${Math.round(runs.apiClosed.at(-1)!.completed / (runs.apiClosed.at(-1)!.elapsedMs / 1000))}/s, floor ${Math.round(
        runs.floorClosed.at(-1)!.completed / (runs.floorClosed.at(-1)!.elapsedMs / 1000),
      )}/s; p50 at ${rate}/s API ${percentile(runs.apiOpen.at(-1)!.latencies, 50).toFixed(1)} ms, floor ${percentile(runs.floorOpen.at(-1)!.latencies, 50).toFixed(1)} ms`,
    );
  }

  const perSecond = (run: RunResult) => run.completed / (run.elapsedMs / 1000);
  const apiThroughput = spread(runs.apiClosed.map(perSecond));
  const floorThroughput = spread(runs.floorClosed.map(perSecond));
  const apiLatency = latencies(runs.apiOpen);
  const floorLatency = latencies(runs.floorOpen);
  const all = [...runs.apiClosed, ...runs.apiOpen];
  const floorAll = [...runs.floorClosed, ...runs.floorOpen];
  return {
    name: workload.name,
    title: workload.title,
    statementsPerRequest: workload.statementsPerRequest,
    throughput: { api: apiThroughput, floor: floorThroughput, ratio: apiThroughput.median / floorThroughput.median },
    latency: {
      rate,
      api: apiLatency,
      floor: floorLatency,
      ratioP50: apiLatency.p50.median / floorLatency.p50.median,
    },
    apiCpuMsPerRequest: apiRequests === 0 ? null : cpuMicros / 1000 / apiRequests,
    apiRssMb: rss / 1024 ** 2,
    errors: {
      api: all.reduce((sum, run) => sum + run.errors, 0),
      floor: floorAll.reduce((sum, run) => sum + run.errors, 0),
      dropped: [...all, ...floorAll].reduce((sum, run) => sum + run.dropped, 0),
      first: [...all, ...floorAll].find((run) => run.firstError !== null)?.firstError ?? null,
    },
  };
}

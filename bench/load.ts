import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { DRIVER_NOTIFICATIONS, startQuery, toParams } from '../src/db/database.js';
import { loadStatements, wireText } from '../src/db/statements.js';
import { decodeParams, type FloorPlan } from './capture.js';

/**
 * The load generator: a separate process (bench/loadClient.ts starts it) that sends requests on
 * 127.0.0.1 only, bounded in time and in count. Two targets, one request list:
 *   api   — POST the GraphQL operation to the API over HTTP (keep-alive connections);
 *   floor — run the operation's Cypher statements with neo4j-driver alone (bench/capture.ts).
 * Two modes: closed (fixed concurrency, as fast as answers come: throughput) and open (a fixed
 * arrival rate; latency counted from when a request was due, so a slow server cannot hide its queue).
 */

export interface WorkloadSetup {
  type: 'workload';
  name: string;
  bodies: string[];
  plans: FloorPlan[];
  /** The same requests for the peer (@neo4j/graphql), when the workload is compared with it. */
  peerBodies?: string[];
}

export interface RunJob {
  type: 'run';
  id: number;
  workload: string;
  target: 'api' | 'floor' | 'peer';
  mode: 'closed' | 'open';
  concurrency: number;
  /** Requests per second (open mode). */
  rate: number;
  durationMs: number;
  maxRequests: number;
}

export interface ConnectJob {
  type: 'connect';
  apiUrl: string;
  peerUrl?: string;
  neo4j: { uri: string; user: string; password: string; database: string | undefined };
}

export interface RunResult {
  type: 'result';
  id: number;
  completed: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  /** Latency of each completed request, ms. */
  latencies: number[];
  /** Open mode: requests not sent because too many were already waiting. */
  dropped: number;
}

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_IN_FLIGHT = 256;

let apiUrl: URL | undefined;
let peerUrl: URL | undefined;
let driver: Driver | undefined;
let database: string | undefined;
let agent: http.Agent | undefined;
const statements = loadStatements();
const workloads = new Map<
  string,
  {
    bodies: Buffer[];
    peerBodies: Buffer[];
    plans: ReplayStep[][];
  }
>();

function postGraphql(url: URL, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`));
          else if (text.startsWith('{"errors"') || text.includes('"errors":['))
            reject(new Error(`GraphQL errors: ${text.slice(0, 300)}`));
          else resolve();
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('request timed out')));
    request.on('error', reject);
    request.end(body);
  });
}

interface ReplayStep {
  texts: Array<[string, Record<string, unknown>]>;
  after: number[];
  autoCommit: boolean;
}

/** The operation's statements with the driver alone, each step as soon as its predecessors are done. */
async function runFloor(plan: ReplayStep[]): Promise<void> {
  const done: Array<Promise<void>> = [];
  for (const step of plan) {
    const waitFor = step.after.map((index) => done[index]!);
    done.push(
      Promise.all(waitFor).then(async () => {
        const session = driver!.session({ database, defaultAccessMode: neo4j.session.READ });
        try {
          // As Database does: a single read auto-commits, several that must agree share a transaction,
          // and no query captures a stack trace.
          if (step.autoCommit) {
            const [text, params] = step.texts[0]!;
            await startQuery(() => session.run(text, params, { timeout: REQUEST_TIMEOUT_MS }));
            return;
          }
          await session.executeRead(
            async (tx) => {
              for (const [text, params] of step.texts) await startQuery(() => tx.run(text, params));
            },
            { timeout: REQUEST_TIMEOUT_MS },
          );
        } finally {
          await session.close();
        }
      }),
    );
  }
  await Promise.all(done);
}

async function run(job: RunJob): Promise<RunResult> {
  const workload = workloads.get(job.workload);
  if (workload === undefined) throw new Error(`unknown workload ${job.workload}`);
  const count = workload.bodies.length;
  const { peerBodies } = workload;
  if (job.target === 'peer' && (peerUrl === undefined || peerBodies.length !== count))
    throw new Error(`workload ${job.workload} has no peer requests`);
  const once =
    job.target === 'api'
      ? (index: number) => postGraphql(apiUrl!, workload.bodies[index % count]!)
      : job.target === 'peer'
        ? (index: number) => postGraphql(peerUrl!, peerBodies[index % count]!)
        : (index: number) => runFloor(workload.plans[index % count]!);
  if (job.target !== 'floor') {
    agent?.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: job.mode === 'closed' ? job.concurrency : MAX_IN_FLIGHT });
  }
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let completed = 0;
  let dropped = 0;
  const fail = (error: unknown): void => {
    errors += 1;
    firstError ??= (error as Error).message;
  };
  const started = performance.now();
  const deadline = started + job.durationMs;

  if (job.mode === 'closed') {
    let next = 0;
    const client = async (): Promise<void> => {
      while (performance.now() < deadline && next < job.maxRequests) {
        const index = next;
        next += 1;
        const sent = performance.now();
        try {
          await once(index);
          latencies.push(performance.now() - sent);
          completed += 1;
        } catch (error) {
          fail(error);
        }
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, client));
  } else {
    const interval = 1000 / job.rate;
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    while (sent < job.maxRequests) {
      const now = performance.now();
      if (now >= deadline) break;
      const due = Math.min(job.maxRequests, Math.floor((now - started) / interval) + 1);
      while (sent < due) {
        const scheduled = started + sent * interval;
        const index = sent;
        sent += 1;
        if (inFlight.size >= MAX_IN_FLIGHT) {
          dropped += 1;
          continue;
        }
        const request: Promise<void> = once(index)
          .then(() => {
            latencies.push(performance.now() - scheduled);
            completed += 1;
          }, fail)
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      await sleep(Math.max(0, Math.min(5, started + sent * interval - performance.now())));
    }
    await Promise.all(inFlight);
  }
  return {
    type: 'result',
    id: job.id,
    completed,
    errors,
    firstError,
    elapsedMs: performance.now() - started,
    latencies,
    dropped,
  };
}

function prepare(setup: WorkloadSetup): void {
  workloads.set(setup.name, {
    bodies: setup.bodies.map((body) => Buffer.from(body)),
    peerBodies: (setup.peerBodies ?? []).map((body) => Buffer.from(body)),
    plans: setup.plans.map((plan) =>
      plan.map((step) => ({
        after: step.after,
        autoCommit: step.autoCommit === true && step.statements.length === 1,
        texts: step.statements.map(({ statement, params }): [string, Record<string, unknown>] => {
          const text = statements.get(statement);
          if (text === undefined) throw new Error(`no statement ${statement} in cypher/`);
          // As the API sends it (src/db/database.ts).
          return [wireText(text), toParams(decodeParams(params)) as Record<string, unknown>];
        }),
      })),
    ),
  });
}

process.on('message', (message: WorkloadSetup | RunJob | ConnectJob | { type: 'close' }) => {
  void (async () => {
    try {
      if (message.type === 'connect') {
        apiUrl = new URL(message.apiUrl);
        peerUrl = message.peerUrl === undefined ? undefined : new URL(message.peerUrl);
        if (apiUrl.hostname !== '127.0.0.1' || (peerUrl !== undefined && peerUrl.hostname !== '127.0.0.1'))
          throw new Error('the load generator only sends to 127.0.0.1');
        database = message.neo4j.database;
        driver = neo4j.driver(message.neo4j.uri, neo4j.auth.basic(message.neo4j.user, message.neo4j.password), {
          // The API's settings, so that the floor reads what the API reads.
          ...DRIVER_NOTIFICATIONS,
          logging: { level: 'error', logger: () => undefined },
        });
        process.send?.({ type: 'ready' });
      } else if (message.type === 'workload') {
        prepare(message);
        process.send?.({ type: 'ready' });
      } else if (message.type === 'run') {
        process.send?.(await run(message));
      } else {
        agent?.destroy();
        await driver?.close();
        process.exit(0);
      }
    } catch (error) {
      process.send?.({ type: 'failed', message: (error as Error).stack ?? String(error) });
    }
  })();
});
process.send?.({ type: 'ready' });

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createApiKey } from '../src/auth/apiKeys.js';
import { PROJECT_ROOT, loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { createLogger } from '../src/logger.js';

/**
 * `npm run load -- [--seconds 30] [--clients 8] [--max-requests 20000]`: several clients mix reads and
 * writes against a real API (started here as a child process with its own Neo4j in .neo4j/load),
 * on 127.0.0.1 only, bounded in time and request count. Afterwards every acknowledged write is read
 * back. Prints requests per second, latency percentiles, errors, writes checked and the API's memory.
 *
 * `--keep <n>`: each client keeps at most n entities of its own, deleting the oldest before creating
 * another (the graph's size stays fixed; deletes are checked too).
 *
 * `--soak <minutes>` (up to 240) runs the same mix for that long instead, with no request bound unless
 * --max-requests is given, samples the API's RSS every `--sample-seconds` (15) and prints the curve
 * and whether it is flat (see soakVerdict).
 */

function given(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string, fallback: number, max: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`--${name} must be a number from 1 to ${max}`);
  return value;
}

const soakMinutes = given('soak') ? option('soak', 10, 240) : undefined;
if (soakMinutes !== undefined && given('seconds')) throw new Error('--soak and --seconds exclude each other');
const seconds = soakMinutes !== undefined ? soakMinutes * 60 : option('seconds', 30, 600);
const clients = option('clients', 8, 64);
const maxRequests = option('max-requests', soakMinutes !== undefined ? Number.MAX_SAFE_INTEGER : 20_000, Number.MAX_SAFE_INTEGER);
// --keep <n>: each client keeps at most n of its entities, deleting its oldest before it creates
// another, so that the graph's size stays fixed and a soak measures the API, not a growing graph.
const keep = given('keep') ? option('keep', 20, 1_000_000) : undefined;
const sampleSeconds = option('sample-seconds', soakMinutes !== undefined ? 15 : 1, 600);
const home = path.join(PROJECT_ROOT, '.neo4j/load');
const env = {
  ...process.env,
  NEO4J_URI: '',
  PORT: '0',
  NEO4J_EMBEDDED_HOME: home,
  NEO4J_EMBEDDED_PORT: '7751',
  LOG_LEVEL: 'warn',
};

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

interface Sample {
  seconds: number;
  rss: number;
  /** For a GC: the V8 isolate that ran it (tsx's loader thread has its own). */
  isolate?: string;
}

const MB = 1024 * 1024;

/**
 * Flat means no steady growth once V8 has settled: the samples of the first fifth of the run (at least
 * one minute) are warm-up and left out, the rest is cut in thirds, and the RSS is flat when the last
 * third's mean exceeds the first third's by at most 5% and 10 MB. A leak of a few kilobytes a request
 * grows by far more than that over ten minutes; GC sawtooth moves both means alike.
 */
function soakVerdict(samples: Sample[], totalSeconds: number): Record<string, unknown> {
  const warmUp = Math.max(60, totalSeconds / 5);
  const settled = samples.filter((sample) => sample.seconds >= warmUp);
  if (settled.length < 3) return { flat: null, rule: 'too few samples after warm-up' };
  const third = Math.floor(settled.length / 3);
  const mean = (list: Sample[]): number => list.reduce((sum, sample) => sum + sample.rss, 0) / list.length;
  const first = mean(settled.slice(0, third));
  const last = mean(settled.slice(-third));
  const growth = last - first;
  // Least-squares slope over the settled samples, in MB per minute.
  const meanT = settled.reduce((sum, sample) => sum + sample.seconds, 0) / settled.length;
  const meanR = mean(settled);
  const covariance = settled.reduce((sum, sample) => sum + (sample.seconds - meanT) * (sample.rss - meanR), 0);
  const variance = settled.reduce((sum, sample) => sum + (sample.seconds - meanT) ** 2, 0);
  return {
    rule: `after ${Math.round(warmUp)} s warm-up, last third's mean within 5% and 10 MB of the first third's`,
    firstThirdMeanMb: Number((first / MB).toFixed(1)),
    lastThirdMeanMb: Number((last / MB).toFixed(1)),
    growthMb: Number((growth / MB).toFixed(1)),
    growthPercent: Number(((growth / first) * 100).toFixed(1)),
    slopeMbPerMinute: Number((((covariance / variance) * 60) / MB).toFixed(2)),
    flat: growth <= 10 * MB && growth <= first * 0.05,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const READS = [
  fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries/who-attributed-the-czech-mfa-campaign.graphql'), 'utf8'),
  fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries/who-sponsors-apt31.graphql'), 'utf8'),
  '{ lookup(name: "apt 31") { id name } }',
  '{ search(text: "solidarity") { score entity { id } } }',
  '{ responses(first: 10) { totalCount edges { node { name date { text } issuer { name } } } } }',
];

async function main(): Promise<void> {
  // In a soak, V8 reports each full GC on stdout: the heap left after one is what the API really
  // holds, and tells a leak in JavaScript apart from RSS that V8 or the allocator keep.
  const api = spawn(process.execPath, [...(soakMinutes !== undefined ? ['--trace-gc'] : []), '--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const heapAfterFullGc: Sample[] = [];
  const apiErrorLines: string[] = [];
  let started = Date.now();
  let pending = '';
  api.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      // The API's own error log lines (pino level 50 and above), to explain any error counted below.
      if (apiErrorLines.length < 20 && /^\{"level":[5-6]\d/.test(line)) apiErrorLines.push(line.slice(0, 2000));
      const match = /^\[\d+:(0x[0-9a-f]+)\].*Mark-Compact.*?[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/.exec(line);
      if (match) heapAfterFullGc.push({ seconds: (Date.now() - started) / 1000, rss: Number(match[2]) * MB, isolate: match[1] });
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match) {
        api.stderr.off('data', onData);
        resolve(match[1]!);
      }
    };
    api.stderr.on('data', onData);
    api.once('exit', (code) => reject(new Error(`the API exited (${code}) before it was ready:\n${output}`)));
  });
  // stderr must still be drained, or the API would block on a full pipe.
  api.stderr.resume();
  // The API's embedded Neo4j is shared with this process for the key and the read-back.
  const connection = await connect(loadConfig(env).neo4j, createLogger('warn'));
  const { key } = await createApiKey(connection.db, 'load test', 'editor');
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };

  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const written: string[] = [];
  const deleted: string[] = [];
  let requests = 0;
  let reads = 0;
  let writes = 0;
  started = Date.now();
  heapAfterFullGc.length = 0;
  const samples: Sample[] = [];
  const sample = (): void => {
    samples.push({ seconds: (Date.now() - started) / 1000, rss: rssOf(api.pid!) });
    if (soakMinutes !== undefined) {
      const last = samples.at(-1)!;
      process.stderr.write(`soak: ${last.seconds.toFixed(0)} s, RSS ${(last.rss / MB).toFixed(1)} MB, ${requests} requests\n`);
    }
  };
  sample();
  const sampler = setInterval(sample, sampleSeconds * 1000);
  const deadline = Date.now() + seconds * 1000;

  async function client(index: number): Promise<void> {
    let sequence = 0;
    const own: string[] = [];
    while (Date.now() < deadline && requests < maxRequests) {
      requests += 1;
      sequence += 1;
      const isWrite = sequence % 5 === 0;
      const doomed = isWrite && keep !== undefined && own.length >= keep ? own[0] : undefined;
      const id = `load:${index}-${sequence}`;
      const body =
        doomed !== undefined
          ? {
              query: 'mutation($id: ID!) { deleteEntity(id: $id, reason: "load test") { id } }',
              variables: { id: doomed },
            }
          : isWrite
            ? {
                query: 'mutation($input: EntityInput!) { createEntity(kind: ThreatActor, input: $input) { id } }',
                variables: {
                  input: {
                    id,
                    name: `Load test actor ${index} write ${sequence}`,
                    citations: [{ sourceId: 'source:upi-2025-05-28-czech-china-cyber' }],
                  },
                },
              }
            : { query: READS[sequence % READS.length] };
      const t0 = performance.now();
      try {
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
        const json = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        latencies.push(performance.now() - t0);
        if (json.errors?.length) {
          const code = json.errors[0]?.extensions?.code ?? 'UNKNOWN';
          errors[code] = (errors[code] ?? 0) + 1;
        } else if (doomed !== undefined) {
          own.shift();
          deleted.push(doomed);
          writes += 1;
        } else if (isWrite) {
          own.push(id);
          writes += 1;
        } else {
          reads += 1;
        }
      } catch (error) {
        errors[(error as Error).name] = (errors[(error as Error).name] ?? 0) + 1;
      }
    }
    written.push(...own);
  }
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  const memory = samples.map((entry) => entry.rss);
  // The API's main thread is the isolate with the largest heap; tsx's loader thread has a small one.
  const mainIsolate = [...heapAfterFullGc].sort((a, b) => b.rss - a.rss)[0]?.isolate;
  const mainHeap = heapAfterFullGc.filter((gc) => gc.isolate === mainIsolate);

  // Every acknowledged write must be readable now.
  const found = new Set<string>();
  for (let i = 0; i < written.length; i += 1000) {
    const rows = await connection.db.read<{ entity: { id: string } }>('read/entities-by-id', { ids: written.slice(i, i + 1000) });
    for (const row of rows) found.add(row.entity.id);
  }
  // And every acknowledged delete must have taken.
  let deletesStillThere = 0;
  for (let i = 0; i < deleted.length; i += 1000) {
    deletesStillThere += (await connection.db.read('read/entities-by-id', { ids: deleted.slice(i, i + 1000) })).length;
  }
  await connection.db.autoCommit('admin/delete-by-id-prefix', { prefix: 'load:' });
  await connection.close();
  api.kill('SIGINT');
  await new Promise((resolve) => api.once('exit', resolve));

  const sorted = [...latencies].sort((a, b) => a - b);
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const firstHalf = memory.slice(0, Math.ceil(memory.length / 2));
  const secondHalf = memory.slice(Math.ceil(memory.length / 2));
  const result = {
    clients,
    seconds: Number(elapsed.toFixed(1)),
    requests: latencies.length,
    requestsPerSecond: Number((latencies.length / elapsed).toFixed(0)),
    reads,
    writes,
    latencyMs: {
      p50: Number(percentile(sorted, 50).toFixed(1)),
      p90: Number(percentile(sorted, 90).toFixed(1)),
      p99: Number(percentile(sorted, 99).toFixed(1)),
    },
    errors,
    writesChecked: written.length,
    writesMissing: written.length - found.size,
    ...(keep === undefined ? {} : { deletes: deleted.length, deletesStillThere }),
    apiMemory: {
      start: mb(memory[0]!),
      peak: mb(Math.max(...memory)),
      end: mb(memory.at(-1)!),
      firstHalfPeak: mb(Math.max(...firstHalf)),
      secondHalfPeak: mb(Math.max(...secondHalf)),
    },
    ...(soakMinutes === undefined
      ? {}
      : {
          rssCurve: samples.map((entry) => ({ seconds: Math.round(entry.seconds), rssMb: Number((entry.rss / MB).toFixed(1)) })),
          rssVerdict: soakVerdict(samples, elapsed),
          heapAfterFullGc: {
            count: mainHeap.length,
            curve: mainHeap.map((entry) => [Math.round(entry.seconds), Number((entry.rss / MB).toFixed(1))]),
            ...soakVerdict(mainHeap, elapsed),
          },
        }),
  };
  if (soakMinutes !== undefined) {
    const rows = samples.map((entry) => `| ${Math.round(entry.seconds)} | ${(entry.rss / MB).toFixed(1)} |`);
    process.stderr.write(['| seconds | API RSS (MB) |', '|---:|---:|', ...rows, ''].join('\n'));
  }
  if (apiErrorLines.length > 0) process.stderr.write(`the API logged these errors:\n${apiErrorLines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const failed = Object.keys(errors).length > 0 || result.writesMissing > 0 || deletesStillThere > 0;
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { createLogger } from '../src/logger.js';
import { ApiProcess } from './apiProcess.js';
import { OperationCapture, type FloorPlan } from './capture.js';
import { summariseProfile, type ProfileSummary } from './cpuProfile.js';
import { loadDataset } from './dataset.js';
import { profileOperators, profilePlans } from './dbHits.js';
import { LoadClient } from './loadClient.js';
import { describeMachine } from './machine.js';
import { measureWorkload } from './measure.js';
import { Random, WeightedPicker } from './random.js';
import { readEarlierResult, renderComparison } from './compare.js';
import { checkTargets, renderMarkdown, renderText, type BenchResult, type Settings, type WorkloadResult } from './report.js';
import { measureStartup, type StartupTimes } from './startup.js';
import {
  checkPeerAnswers,
  measureAgainstPeer,
  peerLibrary,
  peerNotMeasured,
  preparePeerWorkloads,
  type PeerComparison,
  type PeerPrepared,
  type PeerWorkloadResult,
} from './peer/compare.js';
import { MIX_WEIGHTS, WORKLOADS, missingResolver, type Pools } from './workloads.js';

/**
 * `npm run bench [-- --quick] [--reuse] [--profile[=workload]] [--only=a,b] [--no-startup]`
 *
 * Loads the dataset into the benchmark's own embedded Neo4j (.neo4j/bench, port 7741; NEO4J_URI
 * instead when set), starts the API as `npm start` does (scripts/start.mjs, a child process), and measures
 * every workload through the API and through the driver alone (the floor). Prints tables, writes
 * bench/results/<time>.json and .md. bench/README in docs/performance.md explains the method.
 */

const rawArgs = process.argv.slice(2).filter((arg) => arg !== '--');
// `--compare <file>` or `--compare=<file>`: an earlier result to report regressions against.
const compareAt = rawArgs.indexOf('--compare');
const compareFile =
  compareAt >= 0 ? rawArgs[compareAt + 1] : rawArgs.find((arg) => arg.startsWith('--compare='))?.slice('--compare='.length);
const args = rawArgs.filter(
  (arg, i) => !(compareAt >= 0 && (i === compareAt || i === compareAt + 1)) && !arg.startsWith('--compare='),
);
const flag = (name: string): boolean => args.includes(`--${name}`);
const quick = flag('quick');
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const profileArg = args.find((arg) => arg === '--profile' || arg.startsWith('--profile='));
const unknown = args.filter(
  (arg) => !['--quick', '--reuse', '--no-startup', '--no-peer'].includes(arg) && !arg.startsWith('--only=') && arg !== profileArg,
);
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown arguments ${unknown.join(' ')}\nusage: npm run bench [-- --quick] [--reuse] [--profile[=workload]] [--only=lookup-by-id,search] [--no-startup] [--no-peer] [--compare <earlier result.json>]\n`,
  );
  process.exit(2);
}

let earlier: BenchResult | undefined;
if (compareAt >= 0 || compareFile !== undefined) {
  if (compareFile === undefined || compareFile.startsWith('--')) {
    process.stderr.write('bench: --compare needs the path of an earlier result (bench/results/*.json)\n');
    process.exit(2);
  }
  try {
    earlier = readEarlierResult(compareFile);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

const settings: Settings = {
  mode: quick ? 'quick' : 'full',
  scale: quick ? 0.1 : 1,
  seed: 20250528,
  rounds: quick ? 1 : 3,
  concurrency: 8,
  closedSeconds: quick ? 1 : 2,
  openSeconds: quick ? 1.5 : 3,
  warmupSeconds: quick ? 0.5 : 3,
  firstWarmupSeconds: quick ? 1 : 12,
  defaultRate: 100,
  variableSets: quick ? 40 : 60,
  apiLogLevel: process.env.BENCH_API_LOG_LEVEL ?? 'info',
};
const PROFILE_SECONDS = 10;
const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'results');

const began = performance.now();
const log = (message: string): void => {
  process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
};

// APOC core: the @neo4j/graphql peer needs it; only this database loads it.
const config = loadConfig({
  ...process.env,
  NEO4J_EMBEDDED_HOME: '.neo4j/bench',
  // BENCH_NEO4J_PORT: another port, so that a run does not collide with one already on 7741.
  NEO4J_EMBEDDED_PORT: process.env.BENCH_NEO4J_PORT ?? '7741',
  NEO4J_EMBEDDED_APOC: 'true',
});
const embedded = config.neo4j.uri === undefined;
const notes: string[] = [];
const startedAt = new Date().toISOString();

/** The live process that runs the Neo4j in this home (src/db/embedded.ts's pid file), if any. */
function homeOwner(home: string): number | null {
  try {
    const { owner } = JSON.parse(fs.readFileSync(path.join(home, 'launcher.pid'), 'utf8')) as { owner: number };
    process.kill(owner, 0);
    return owner;
  } catch {
    return null;
  }
}

if (embedded && !flag('reuse')) {
  const owner = homeOwner(config.neo4j.embedded.home);
  if (owner !== null) {
    process.stderr.write(
      `bench: process ${owner} is running the Neo4j in ${config.neo4j.embedded.home}; stop it first (or use --reuse to share it)\n`,
    );
    process.exit(1);
  }
  // The benchmark's own home: start from an empty store rather than deleting 600k elements.
  fs.rmSync(path.join(config.neo4j.embedded.home, 'data'), { recursive: true, force: true });
}
log(
  embedded
    ? `starting the benchmark's Neo4j (${path.relative(PROJECT_ROOT, config.neo4j.embedded.home)}, port ${config.neo4j.embedded.boltPort})`
    : `using NEO4J_URI ${config.neo4j.uri}`,
);
const connection = await connect(config.neo4j, createLogger('warn'));
const db = connection.db;
const boltUri = config.neo4j.uri ?? connection.embedded!.uri;
const user = embedded ? 'neo4j' : config.neo4j.user;
const credentials = { uri: boltUri, user, password: config.neo4j.password, database: config.neo4j.database };

let api: ApiProcess | undefined;
let peer: ApiProcess | undefined;
let load: LoadClient | undefined;
let capture: OperationCapture | undefined;
const driver = neo4j.driver(boltUri, neo4j.auth.basic(user, config.neo4j.password), {
  logging: { level: 'error', logger: () => undefined },
});
let result: BenchResult;
try {
  const dataset = await loadDataset(db, {
    scale: settings.scale,
    seed: settings.seed,
    reuse: flag('reuse'),
    ownDatabase: embedded,
    log,
  });
  log(`dataset: ${dataset.nodes} nodes, ${dataset.relationships} relationships`);
  settings.scale = dataset.description.scale;
  const server = await db.serverInfo();

  // Workload parameters, drawn from the graph.
  const pools: Pools = {
    entities: await db.read('bench/entity-sample', {
      kinds: [
        'ThreatActor',
        'State',
        'Organization',
        'Person',
        'PersonGroup',
        'Campaign',
        'Response',
        'AttackPattern',
        'Malware',
        'Tool',
        'CourseOfAction',
        'Source',
      ],
    }),
    aliasNames: (await db.read<{ name: string }>('bench/alias-names')).map((row) => row.name),
  };

  // What each operation runs in the database: recorded once through the real resolvers.
  capture = new OperationCapture({
    uri: boltUri,
    user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
  });
  await capture.start();
  interface Prepared {
    name: string;
    title: string;
    bodies: string[];
    plans: FloorPlan[];
  }
  const prepared: Prepared[] = [];
  const skipped: WorkloadResult[] = [];
  const skip = (name: string, title: string, reason: string): void => {
    log(`${name}: ${reason}`);
    skipped.push({
      name,
      title,
      skipped: reason,
      statementsPerRequest: 0,
      dbHits: null,
      throughput: null,
      latency: null,
      apiCpuMsPerRequest: null,
      apiRssMb: null,
      errors: { api: 0, floor: 0, dropped: 0, first: null },
    });
  };
  for (const [index, workload] of WORKLOADS.entries()) {
    if (only !== undefined && !only.includes(workload.name) && !only.includes('mix')) continue;
    const missing = missingResolver(workload);
    if (missing !== null) {
      skip(workload.name, workload.title, missing);
      continue;
    }
    const variables = workload.variables(pools, new Random(settings.seed + index), settings.variableSets);
    const bodies: string[] = [];
    const plans: FloorPlan[] = [];
    let failure: string | null = null;
    for (const set of variables) {
      const captured = await capture.capture(workload.query, set);
      if (captured.error !== null) {
        failure = `skipped: the operation fails (${captured.error}) for ${JSON.stringify(set)}`;
        break;
      }
      bodies.push(JSON.stringify({ query: workload.query, variables: set }));
      plans.push(captured.plan);
    }
    if (failure !== null) skip(workload.name, workload.title, failure);
    else prepared.push({ name: workload.name, title: workload.title, bodies, plans });
  }
  // The mix: the other workloads' requests in their MIX_WEIGHTS proportions.
  if (prepared.length > 1 && (only === undefined || only.includes('mix'))) {
    const random = new Random(settings.seed - 1);
    const picker = new WeightedPicker(
      prepared,
      prepared.map((w) => MIX_WEIGHTS[w.name] ?? 1),
    );
    const mix: Prepared = { name: 'mix', title: 'mix of all', bodies: [], plans: [] };
    for (let i = 0; i < settings.variableSets * 2; i += 1) {
      const workload = picker.pick(random);
      const at = random.int(0, workload.bodies.length - 1);
      mix.bodies.push(workload.bodies[at]!);
      mix.plans.push(workload.plans[at]!);
    }
    const chosen = only === undefined ? prepared : prepared.filter((w) => only.includes(w.name));
    prepared.splice(0, prepared.length, ...chosen, mix);
  }
  // The workloads @neo4j/graphql can express, for the comparison with it (--no-peer: none).
  const peerSkipped: PeerWorkloadResult[] = [];
  const peerPrepared: PeerPrepared[] = flag('no-peer')
    ? []
    : await preparePeerWorkloads(
        capture,
        pools,
        (index) => new Random(settings.seed + 100 + index),
        settings.variableSets,
        only,
        (result) => peerSkipped.push(result),
      );
  await capture.close();
  capture = undefined;

  log(`starting the API (npm start: scripts/start.mjs, LOG_LEVEL=${settings.apiLogLevel})`);
  const apiEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: boltUri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: config.neo4j.password,
    LOG_LEVEL: settings.apiLogLevel,
  };
  api = await ApiProcess.start(apiEnv);
  load = await LoadClient.start(api.url, credentials);

  const workloads: WorkloadResult[] = [];
  for (const [index, workload] of prepared.entries()) {
    log(`${workload.name}: ${workload.bodies.length} requests; profiling its statements`);
    const dbHits = await profilePlans(driver, config.neo4j.database, db.statements, workload.plans.slice(0, quick ? 3 : 5));
    await load.prepare(workload.name, workload.bodies, workload.plans);
    const statementsPerRequest =
      workload.plans.reduce((sum, plan) => sum + plan.reduce((n, step) => n + step.statements.length, 0), 0) /
      workload.plans.length;
    const measured = await measureWorkload(
      load,
      api,
      { name: workload.name, title: workload.title, statementsPerRequest },
      index === 0 ? { ...settings, warmupSeconds: settings.firstWarmupSeconds } : settings,
      log,
    );
    workloads.push({ ...measured, skipped: null, dbHits });
  }
  for (const entry of skipped) workloads.push(entry);
  await load.close();
  load = undefined;

  let peerComparison: PeerComparison | null = null;
  if (peerPrepared.length > 0 || peerSkipped.length > 0) {
    peerComparison = { library: peerLibrary(), workloads: [...peerSkipped] };
    log(`starting the peer (${peerComparison.library}, bench/peer/server.ts)`);
    try {
      peer = await ApiProcess.start(apiEnv, { entry: path.join('bench', 'peer', 'server.ts'), timeoutMs: 120_000 });
    } catch (error) {
      notes.push(`the peer did not start, so it was not compared: ${(error as Error).message.split('\n')[0]}`);
    }
    if (peer !== undefined) {
      load = await LoadClient.start(api.url, credentials, peer.url);
      for (const entry of peerPrepared) {
        const differs = await checkPeerAnswers(peer.url, entry);
        if (differs !== null) {
          log(`peer ${entry.workload.name}: ${differs}`);
          peerComparison.workloads.push(peerNotMeasured(entry.workload, differs));
          continue;
        }
        log(`peer ${entry.workload.name}: ${entry.expected.length} answers identical; measuring API, peer and floor`);
        peerComparison.workloads.push(await measureAgainstPeer(load, { api, peer }, entry, settings, log));
      }
      await load.close();
      load = undefined;
      await peer.stop();
      peer = undefined;
    }
  }
  const peak = await api.stats();
  await api.stop();
  api = undefined;

  // The largest gap between API and floor (or the workload named), profiled: the API under load
  // with --cpu-prof, and the PROFILE plan of the workload's heaviest statement.
  let profile: ProfileSummary | null = null;
  const measuredWorkloads = workloads.filter((w) => w.latency !== null && w.name !== 'mix');
  if (profileArg !== undefined && measuredWorkloads.length > 0) {
    const named = profileArg.includes('=') ? profileArg.slice('--profile='.length) : null;
    const worst =
      named !== null
        ? measuredWorkloads.find((w) => w.name === named)
        : [...measuredWorkloads].sort((a, b) => b.latency!.ratioP50 - a.latency!.ratioP50)[0];
    if (worst === undefined) throw new Error(`--profile=${named}: no measured workload of that name`);
    const dir = path.join(RESULTS_DIR, 'profiles', startedAt.replace(/[:.]/g, '-'));
    fs.mkdirSync(dir, { recursive: true });
    log(`profiling the API under ${worst.name} for ${PROFILE_SECONDS} s (p50 API/floor ${worst.latency!.ratioP50.toFixed(2)})`);
    const profiled = await ApiProcess.start(apiEnv, { cpuProfileDir: dir });
    const profLoad = await LoadClient.start(profiled.url, credentials);
    const workload = prepared.find((w) => w.name === worst.name)!;
    await profLoad.prepare(workload.name, workload.bodies, workload.plans);
    const run = await profLoad.run({
      workload: workload.name,
      target: 'api',
      mode: 'closed',
      concurrency: settings.concurrency,
      rate: 0,
      durationMs: PROFILE_SECONDS * 1000,
      maxRequests: 1_000_000,
    });
    await profLoad.close();
    await profiled.stop();
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (file === undefined) notes.push('the CPU profile was not written');
    else {
      profile = { ...summariseProfile(path.join(dir, file), worst.name), requests: run.completed };
      const heaviest = Object.entries(worst.dbHits?.byStatement ?? {}).sort((a, b) => b[1] - a[1])[0];
      const step =
        heaviest && workload.plans.flatMap((plan) => plan.flatMap((s) => s.statements)).find((s) => s.statement === heaviest[0]);
      if (heaviest !== undefined && step !== undefined) {
        const operators = await profileOperators(driver, config.neo4j.database, db.statements.get(step.statement)!, step.params);
        profile.slowestStatement = { statement: step.statement, dbHits: heaviest[1], operators };
      }
    }
  }

  await driver.close();
  await connection.close();

  let startup: StartupTimes | null = null;
  if (!embedded) notes.push('start-up not measured: NEO4J_URI is set (it measures the embedded server)');
  else if (quick || flag('no-startup')) notes.push('start-up not measured (--quick or --no-startup)');
  else {
    log('measuring start-up: npm start on an empty store, then a restart');
    startup = await measureStartup();
  }

  if (settings.apiLogLevel === 'info')
    notes.push('the API logs one JSON line per request (LOG_LEVEL=info, as npm start), to /dev/null');
  notes.push('load generator, API, and Neo4j share the same machine; the floor runs in the load generator process');
  const partial = {
    version: 1 as const,
    startedAt,
    finishedAt: new Date().toISOString(),
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
    machine: describeMachine(server.version),
    settings,
    dataset,
    startup,
    apiPeakRssMb: peak.maxRss / 1024 ** 2,
    workloads,
    peer: peerComparison,
    profile,
    notes,
  };
  result = { ...partial, targets: checkTargets(partial) };
} catch (error) {
  await load?.close().catch(() => undefined);
  await api?.stop().catch(() => undefined);
  await peer?.stop().catch(() => undefined);
  await capture?.close().catch(() => undefined);
  await driver.close().catch(() => undefined);
  await connection.close().catch(() => undefined);
  throw error;
}

fs.mkdirSync(RESULTS_DIR, { recursive: true });
const stamp = result.startedAt.replace(/[:.]/g, '-');
const jsonFile = path.join(RESULTS_DIR, `${stamp}-${settings.mode}.json`);
fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(jsonFile.replace(/\.json$/, '.md'), renderMarkdown(result));
process.stdout.write(renderText(result));
process.stdout.write(
  `\nresults: ${path.relative(PROJECT_ROOT, jsonFile)} (and .md); took ${((performance.now() - began) / 1000).toFixed(0)} s\n`,
);
if (earlier !== undefined) process.stdout.write(`\n${renderComparison(earlier, result, compareFile!)}`);

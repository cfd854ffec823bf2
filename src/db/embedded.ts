import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT, type EmbeddedNeo4jConfig } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * Starts and stops the project's own Neo4j Community server (used when NEO4J_URI is unset).
 *
 * Maven resolves the Neo4j jars and compiles neo4j-launcher/ once; after that a start is a plain
 * `java` process. The JVM is a child of this process and also exits by itself when its stdin
 * closes, so it cannot outlive the API even when the API is killed with SIGKILL.
 */

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-launcher');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src/main/java/attributiongraph/EmbeddedNeo4j.java');
const LAUNCHER_POM = path.join(LAUNCHER_DIR, 'pom.xml');
const BUILD_DIR = path.join(LAUNCHER_DIR, 'target');
const CLASSPATH_FILE = path.join(BUILD_DIR, 'classpath.txt');
const STAMP_FILE = path.join(BUILD_DIR, 'launcher.stamp');
const APOC_CLASSPATH_FILE = path.join(BUILD_DIR, 'classpath-apoc.txt');
const APOC_STAMP_FILE = path.join(BUILD_DIR, 'apoc.stamp');

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

/** running; restarting after its JVM died; failed when the restarts gave up. */
export type EmbeddedState = 'running' | 'restarting' | 'failed';

export interface EmbeddedNeo4j {
  uri: string;
  /** The current JVM's pid (it changes when the supervisor restarts the server). */
  readonly pid: number;
  logFile: string;
  state(): EmbeddedState;
  /** How many times the supervisor has restarted the server. */
  restarts(): number;
  stop(): Promise<void>;
}

interface PidFile {
  jvm: number;
  owner: number;
  boltPort: number;
}

function commandWorks(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

export function checkPrerequisites(): void {
  if (!commandWorks('java', ['-version'])) {
    throw new EmbeddedNeo4jError(
      'The embedded Neo4j needs Java 17: install a JDK 17 (e.g. `apt-get install openjdk-17-jdk`), or set NEO4J_URI to use an existing Neo4j server.',
    );
  }
  if (!fs.existsSync(CLASSPATH_FILE) && !commandWorks('mvn', ['-v'])) {
    throw new EmbeddedNeo4jError(
      'The embedded Neo4j needs Apache Maven to fetch its jars once: install Maven (e.g. `apt-get install maven`), or set NEO4J_URI to use an existing Neo4j server.',
    );
  }
}

function launcherStamp(): string {
  return createHash('sha256').update(fs.readFileSync(LAUNCHER_POM)).update(fs.readFileSync(LAUNCHER_SOURCE)).digest('hex');
}

/** APOC core's jar (the pom's `apoc` profile), resolved by Maven once per pom change. */
function apocClasspath(logger: Logger): string {
  const stamp = launcherStamp();
  if (!(fs.existsSync(APOC_STAMP_FILE) && fs.readFileSync(APOC_STAMP_FILE, 'utf8') === stamp)) {
    logger.info('resolving APOC core for the embedded Neo4j (Maven fetches it on first run)');
    const result = spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        LAUNCHER_POM,
        '-P',
        'apoc',
        'dependency:build-classpath',
        '-DincludeArtifactIds=apoc-core',
        `-Dmdep.outputFile=${APOC_CLASSPATH_FILE}`,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.error !== undefined || result.status !== 0) {
      throw new EmbeddedNeo4jError(
        `Maven could not resolve APOC core:\n${`${result.stdout ?? ''}${result.stderr ?? ''}`.trim()}`,
      );
    }
    fs.writeFileSync(APOC_STAMP_FILE, stamp);
  }
  return fs.readFileSync(APOC_CLASSPATH_FILE, 'utf8').trim();
}

/** Runs Maven only when the pom or the launcher source changed since the last build. */
export function buildLauncher(logger: Logger, options: { apoc?: boolean } = {}): { classpath: string } {
  const stamp = launcherStamp();
  const built = fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, 'utf8') === stamp;
  if (!built) {
    logger.info('building the embedded Neo4j launcher (Maven fetches the Neo4j jars on first run)');
    const result = spawnSync(
      'mvn',
      ['-B', '-q', '-f', LAUNCHER_POM, 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.error !== undefined || result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
      throw new EmbeddedNeo4jError(`Maven could not build the embedded Neo4j launcher:\n${output || result.error?.message}`);
    }
    fs.writeFileSync(STAMP_FILE, stamp);
  }
  const dependencies = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
  const entries = [path.join(BUILD_DIR, 'classes'), dependencies];
  if (options.apoc === true) entries.push(apocClasspath(logger));
  return { classpath: entries.join(path.delimiter) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isLauncher(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('attributiongraph.EmbeddedNeo4j');
  } catch {
    // No /proc (macOS): trust the pid file.
    return isAlive(pid);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * What a start finds in the home: nothing, a JVM left by an earlier run of the API that was killed
 * hard (its watchdog makes it exit on its own; wait for that, and end it if it hangs), or a JVM that
 * another live process (`npm start` while `npm run seed` runs) owns, which is shared, not replaced.
 */
async function previousServer(pidPath: string, logger: Logger): Promise<PidFile | undefined> {
  if (!fs.existsSync(pidPath)) return undefined;
  let previous: PidFile;
  try {
    previous = JSON.parse(fs.readFileSync(pidPath, 'utf8')) as PidFile;
  } catch {
    fs.rmSync(pidPath, { force: true });
    return undefined;
  }
  if (isAlive(previous.jvm) && isLauncher(previous.jvm)) {
    if (previous.owner !== process.pid && isAlive(previous.owner)) return previous;
    logger.warn({ pid: previous.jvm }, 'stopping an embedded Neo4j left behind by an earlier run');
    process.kill(previous.jvm, 'SIGTERM');
    if (!(await waitForExit(previous.jvm, 60_000))) {
      process.kill(previous.jvm, 'SIGKILL');
      await waitForExit(previous.jvm, 10_000);
    }
  }
  fs.rmSync(pidPath, { force: true });
  return undefined;
}

function writeConfiguration(config: EmbeddedNeo4jConfig): string {
  const confDir = path.join(config.home, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  const confPath = path.join(confDir, 'neo4j.conf');
  const address = `127.0.0.1:${config.boltPort}`;
  // Written anew at every start from the environment; Neo4j refuses unknown keys.
  const lines = [
    '# Generated by attribution-graph at each start; edit the environment, not this file.',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=${address}`,
    `server.bolt.advertised_address=${address}`,
    `server.memory.pagecache.size=${config.pageCache}`,
    'dbms.security.auth_enabled=true',
    '# Usage reporting tries the network, which closed networks do not have.',
    'dbms.usage_report.enabled=false',
    '# Imports rewrite many nodes; keep transaction logs from growing without bound.',
    'db.tx_log.rotation.retention_policy=2 files',
  ];
  if (config.transactionMemory !== null) lines.push(`db.memory.transaction.max=${config.transactionMemory}`);
  if (config.apoc) lines.push('dbms.security.procedures.unrestricted=apoc.*');
  fs.writeFileSync(confPath, `${lines.join('\n')}\n`);
  return confPath;
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForBolt(
  uri: string,
  password: string,
  child: ChildProcess,
  config: EmbeddedNeo4jConfig,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + config.startTimeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ?? String(code);
  });
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    connectionAcquisitionTimeout: 2000,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    while (Date.now() < deadline) {
      if (exited !== undefined) {
        throw new EmbeddedNeo4jError(
          `The embedded Neo4j exited (${exited}) before it was ready. Last lines of ${logFile}:\n${tail(logFile, 15)}`,
        );
      }
      try {
        await driver.getServerInfo();
        return;
      } catch {
        await sleep(250);
      }
    }
  } finally {
    await driver.close();
  }
  throw new EmbeddedNeo4jError(
    `The embedded Neo4j did not answer on ${uri} within ${config.startTimeoutMs} ms (NEO4J_START_TIMEOUT_MS). Its logs: ${logFile} and ${path.join(config.home, 'logs/debug.log')}`,
  );
}

/** How the supervisor restarts a server that died: the waits before each attempt, then it gives up. */
export interface SupervisionOptions {
  /** Waits before the restart attempts, in ms; their number is the most attempts in a row. */
  backoffMs?: number[];
  /** A server that has run this long since its last start begins with a fresh set of attempts. */
  stableAfterMs?: number;
}

export const DEFAULT_BACKOFF_MS = [1000, 2000, 4000, 8000, 16000];

function launch(
  config: EmbeddedNeo4jConfig,
  password: string,
  classpath: string,
  confPath: string,
  logFile: string,
): ChildProcess {
  const logFd = fs.openSync(logFile, 'a');
  fs.writeSync(logFd, `--- ${new Date().toISOString()} starting the embedded Neo4j\n`);
  const child = spawn(
    'java',
    [
      `-Xms${config.heap}`,
      `-Xmx${config.heap}`,
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      'attributiongraph.EmbeddedNeo4j',
      config.home,
      confPath,
    ],
    {
      // stdin stays a pipe that is never written: its closing tells the JVM the API is gone.
      stdio: ['pipe', logFd, logFd],
      // Its own process group, so a terminal's Ctrl-C reaches the API, which then stops it in order.
      detached: true,
      env: { ...process.env, NEO4J_PASSWORD: password },
    },
  );
  fs.closeSync(logFd);
  if (child.pid === undefined) {
    throw new EmbeddedNeo4jError('Could not start java for the embedded Neo4j');
  }
  return child;
}

export async function startEmbeddedNeo4j(
  config: EmbeddedNeo4jConfig,
  password: string,
  logger: Logger,
  supervision: SupervisionOptions = {},
): Promise<EmbeddedNeo4j> {
  checkPrerequisites();
  const { classpath } = buildLauncher(logger, { apoc: config.apoc });
  fs.mkdirSync(path.join(config.home, 'logs'), { recursive: true });
  const pidPath = path.join(config.home, 'launcher.pid');
  const shared = await previousServer(pidPath, logger);
  if (shared !== undefined) {
    const uri = `bolt://127.0.0.1:${shared.boltPort}`;
    // Another process started this server and will stop it; use it as a client, and leave it running.
    logger.info({ uri, owner: shared.owner }, 'using the embedded Neo4j another attribution-graph process runs');
    return {
      uri,
      pid: shared.jvm,
      logFile: path.join(config.home, 'logs', 'launcher.log'),
      state: () => 'running',
      restarts: () => 0,
      stop: async () => undefined,
    };
  }

  const confPath = writeConfiguration(config);
  const logFile = path.join(config.home, 'logs', 'launcher.log');
  const uri = `bolt://127.0.0.1:${config.boltPort}`;
  const backoff = supervision.backoffMs ?? DEFAULT_BACKOFF_MS;
  const stableAfterMs = supervision.stableAfterMs ?? 60_000;

  let child: ChildProcess;
  let state: EmbeddedState = 'running';
  let stopping: Promise<void> | undefined;
  let restarts = 0;
  let attempt = 0;
  let startedAt = Date.now();

  /** Starts a JVM and waits until it answers; a JVM that does not is killed. */
  const startOnce = async (): Promise<ChildProcess> => {
    const started = launch(config, password, classpath, confPath, logFile);
    fs.writeFileSync(
      pidPath,
      JSON.stringify({ jvm: started.pid!, owner: process.pid, boltPort: config.boltPort } satisfies PidFile),
    );
    logger.info({ uri, home: config.home, pid: started.pid }, 'starting the embedded Neo4j');
    const began = Date.now();
    try {
      await waitForBolt(uri, password, started, config, logFile);
    } catch (error) {
      started.kill('SIGKILL');
      fs.rmSync(pidPath, { force: true });
      throw error;
    }
    logger.info({ uri, ms: Date.now() - began }, 'embedded Neo4j ready');
    return started;
  };

  /**
   * A JVM that exits while nobody asked it to (killed, out of memory) is started again after a
   * growing wait; the driver reconnects by itself. After the last attempt fails the state is
   * "failed", which /health/live reports, so that an orchestrator restarts the whole API.
   */
  const supervise = (running: ChildProcess): void => {
    running.once('exit', (code, signal) => {
      if (stopping !== undefined) return;
      if (Date.now() - startedAt >= stableAfterMs) attempt = 0;
      state = 'restarting';
      logger.error({ pid: running.pid, code, signal }, 'the embedded Neo4j exited unexpectedly');
      void restart();
    });
  };

  const restart = async (): Promise<void> => {
    while (stopping === undefined) {
      const wait = backoff[attempt];
      if (wait === undefined) {
        state = 'failed';
        logger.error(
          { attempts: attempt, logFile },
          'the embedded Neo4j could not be restarted; giving up (liveness now fails, restart the API)',
        );
        return;
      }
      attempt += 1;
      logger.warn({ attempt, of: backoff.length, waitMs: wait }, 'restarting the embedded Neo4j');
      await sleep(wait);
      if (stopping !== undefined) return;
      let started: ChildProcess;
      try {
        started = await startOnce();
      } catch (error) {
        logger.error({ err: error, attempt }, 'restart of the embedded Neo4j failed');
        continue;
      }
      if (stopping !== undefined) {
        // Stopped while this start was under way: the stop saw the dead JVM, not this one.
        started.kill('SIGTERM');
        return;
      }
      child = started;
      restarts += 1;
      startedAt = Date.now();
      state = 'running';
      logger.warn({ pid: child.pid, restarts }, 'the embedded Neo4j is running again');
      supervise(child);
      return;
    }
  };

  child = await startOnce();
  supervise(child);

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const pid = child.pid!;
      if (isAlive(pid)) {
        child.kill('SIGTERM');
        if (!(await waitForExit(pid, 60_000))) {
          logger.warn({ pid }, 'embedded Neo4j did not stop within 60 s; killing it');
          child.kill('SIGKILL');
          await waitForExit(pid, 10_000);
        }
      }
      fs.rmSync(pidPath, { force: true });
      child.stdin?.destroy();
    })();
    return stopping;
  };
  return {
    uri,
    get pid() {
      return child.pid!;
    },
    logFile,
    state: () => state,
    restarts: () => restarts,
    stop,
  };
}

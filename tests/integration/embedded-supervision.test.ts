import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_DEFAULT_PASSWORD, PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import { pino } from 'pino';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

// The embedded Neo4j's supervisor: a JVM killed with SIGKILL is started again and the API is ready
// again without a restart of its own; when the server cannot come back, /health/live fails. Its own
// embedded server (own home and port), apart from the test run's.
const PORT = Number(process.env.NEO4J_SUPERVISION_TEST_PORT ?? 7716);
const HOME = path.join(PROJECT_ROOT, '.neo4j/supervision-test');

let embedded: EmbeddedNeo4j;
let db: Database;
let server: RunningServer;
const logged: Array<{ msg: string }> = [];

async function status(route: string): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${server.port}${route}`)).status;
  } catch {
    return 0;
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  const config = loadConfig({
    NEO4J_EMBEDDED_HOME: HOME,
    NEO4J_EMBEDDED_PORT: String(PORT),
    NEO4J_EMBEDDED_HEAP: '512m',
    NEO4J_EMBEDDED_PAGECACHE: '64m',
    NEO4J_START_TIMEOUT_MS: '240000',
  });
  const logger = createLogger('silent');
  const capture = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as { msg: string }) });
  embedded = await startEmbeddedNeo4j(config.neo4j.embedded, EMBEDDED_DEFAULT_PASSWORD, capture, {
    backoffMs: [500, 1000, 2000],
  });
  db = new Database({
    uri: embedded.uri,
    user: 'neo4j',
    password: EMBEDDED_DEFAULT_PASSWORD,
    database: undefined,
    transactionTimeoutMs: 30_000,
    logger,
  });
  await db.migrate();
  server = await startServer(
    { db, logger, api: config.api, live: () => embedded.state() !== 'failed' },
    { port: 0, host: '127.0.0.1' },
  );
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await embedded?.stop();
});

describe('the embedded Neo4j under supervision', () => {
  it('is started again after its JVM is killed, and the API is ready again by itself', async () => {
    expect(await status('/health/ready')).toBe(200);
    const before = embedded.pid;
    process.kill(before, 'SIGKILL');
    await until('the supervisor to notice', () => embedded.state() !== 'running' || embedded.pid !== before, 10_000);
    await until('the API to be ready again', async () => (await status('/health/ready')) === 200, 240_000);
    expect(embedded.pid).not.toBe(before);
    expect(embedded.restarts()).toBe(1);
    expect(await status('/health/live')).toBe(200);
    const [counts] = await db.read<{ nodeCount: number }>('health/counts');
    expect(counts?.nodeCount).toBeGreaterThanOrEqual(0);
    const messages = logged.map((line) => line.msg);
    expect(messages).toContain('the embedded Neo4j exited unexpectedly');
    expect(messages).toContain('restarting the embedded Neo4j');
    expect(messages).toContain('the embedded Neo4j is running again');
  }, 300_000);

  it('fails liveness when the server cannot come back', async () => {
    // A configuration Neo4j refuses (it rejects unknown keys): every restart attempt fails.
    const confPath = path.join(HOME, 'conf', 'neo4j.conf');
    fs.appendFileSync(confPath, 'attribution.graph.not.a.setting=true\n');
    process.kill(embedded.pid, 'SIGKILL');
    await until('the supervisor to give up', () => embedded.state() === 'failed', 280_000);
    expect(await status('/health/live')).toBe(503);
    expect(await status('/health/ready')).toBe(503);
    expect(logged.map((line) => line.msg)).toContain(
      'the embedded Neo4j could not be restarted; giving up (liveness now fails, restart the API)',
    );
  }, 300_000);
});

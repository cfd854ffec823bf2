import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NEO4J_VERSION, PROJECT_ROOT } from '../../src/config.js';
import { apiReady, exitOf, isAlive, launcherPids, ownNeo4jEnv } from '../support/processes.js';

// `npm start` as a user runs it: its own embedded Neo4j in a separate home and port, stopped with
// Ctrl-C (SIGINT), killed hard, and started again.
const env = ownNeo4jEnv('lifecycle-test', 7697, 'warn');
const home = env.NEO4J_EMBEDDED_HOME!;
const children: ChildProcess[] = [];

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

async function startApi(
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const { ready, output } = apiReady(child, 'API');
  return { child, url: await ready, output };
}

function jvmPid(): number {
  return launcherPids(home).jvm;
}

// A fresh home each run: the first start must create the database and load the seed.
fs.rmSync(home, { recursive: true, force: true });

async function graphSize(url: string): Promise<{ version: string; nodeCount: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ health { database { version } nodeCount } }' }),
  });
  const body = (await response.json()) as { data: { health: { database: { version: string }; nodeCount: number } } };
  return { version: body.data.health.database.version, nodeCount: body.data.health.nodeCount };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start with the embedded Neo4j', () => {
  let seededSize = 0;

  it('serves GraphQL with the seed loaded at first start, and Ctrl-C stops the API and its Neo4j', async () => {
    const { child, url } = await startApi();
    const size = await graphSize(url);
    expect(size.version).toBe(NEO4J_VERSION);
    expect(size.nodeCount).toBeGreaterThan(20);
    seededSize = size.nodeCount;
    const jvm = jvmPid();
    expect(isAlive(jvm)).toBe(true);

    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
    expect(isAlive(jvm)).toBe(false);
    expect(fs.existsSync(path.join(home, 'launcher.pid'))).toBe(false);
  }, 180_000);

  it('leaves no JVM behind when killed hard, and the next start copes', async () => {
    const first = await startApi();
    const jvm = jvmPid();
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    // The JVM notices its parent has gone (its stdin closes) and shuts itself down.
    expect(await waitUntil(() => !isAlive(jvm), 60_000)).toBe(true);

    const second = await startApi();
    expect(jvmPid()).not.toBe(jvm);
    // The data survived both stops, and a non-empty graph is not seeded again.
    expect((await graphSize(second.url)).nodeCount).toBe(seededSize);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);
  }, 240_000);

  it('says in one line what to install when Java is missing', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...env, PATH: path.dirname(process.execPath) === '/usr/bin' ? '/nonexistent' : path.dirname(process.execPath) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr.trim()).toMatch(/^attribution-graph: The embedded Neo4j needs Java 17: .*set NEO4J_URI/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { apiReady, exitOf, isAlive, launcherPids, ownNeo4jEnv } from '../support/processes.js';

// `npm start` as a process manager runs it (systemd, a container runtime, a CI job): stopped with
// SIGTERM sent to npm, not to node. Its own embedded Neo4j, home and port, apart from the test run's
// and from tests/integration/lifecycle.test.ts's. The home is kept between runs: only the first start
// loads the seed.
const env = ownNeo4jEnv('npm-start-signals-test', 7762, 'info');
const home = env.NEO4J_EMBEDDED_HOME!;
const pidFile = path.join(home, 'launcher.pid');
const children: ChildProcess[] = [];

function npmStart(): { npm: ChildProcess; output: () => string; ready: Promise<string> } {
  const npm = spawn('npm', ['start'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(npm);
  return { npm, ...apiReady(npm, 'npm start') };
}

const launcher = (): { jvm: number; owner: number } => launcherPids(home);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  // Whatever a failed test left running, so that the next run starts clean.
  if (fs.existsSync(pidFile)) {
    const { jvm, owner } = launcher();
    for (const pid of [owner, jvm]) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
});

describe('SIGTERM to npm start', () => {
  it('drains the API, stops the Neo4j it started and exits 0', async () => {
    const { npm, output, ready } = npmStart();
    const url = await ready;
    const { jvm, owner: api } = launcher();
    expect(api).not.toBe(npm.pid);
    expect([isAlive(api), isAlive(jvm)]).toEqual([true, true]);

    npm.kill('SIGTERM');
    expect(await exitOf(npm)).toBe(0);
    // The API stopped its Neo4j itself, before it exited: nothing is left to notice a closed stdin.
    expect(output()).toMatch(/"signal":"SIGTERM".*shutting down/);
    expect([isAlive(api), isAlive(jvm)]).toEqual([false, false]);
    expect(fs.existsSync(pidFile)).toBe(false);
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  }, 150_000);
});

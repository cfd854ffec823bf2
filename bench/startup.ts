import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { Child } from './child.js';
import { waitForReady } from './apiProcess.js';

/**
 * Start-up time of `npm start` with the Neo4j jars already cached (and the API already built by the
 * benchmark's earlier start): `node scripts/start.mjs` with its own embedded home and port, timed from spawn to its "GraphQL API ready at" line, then
 * stopped with SIGINT (which also stops its Neo4j). Twice: into an empty home (the store is created
 * and the seed loaded), then a restart on that store.
 */

export const STARTUP_HOME = '.neo4j/bench-startup';
export const STARTUP_PORT = '7742';

export interface StartupTimes {
  firstStartSeconds: number;
  restartSeconds: number;
}

async function timeOneStart(): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NEO4J_EMBEDDED_HOME: STARTUP_HOME,
    NEO4J_EMBEDDED_PORT: STARTUP_PORT,
  };
  delete env.NEO4J_URI;
  const started = performance.now();
  const child = new Child([path.join('scripts', 'start.mjs')], env, 'ignore', false);
  try {
    await waitForReady(child, 300_000);
    return (performance.now() - started) / 1000;
  } finally {
    await child.stop('SIGINT');
  }
}

export async function measureStartup(): Promise<StartupTimes> {
  fs.rmSync(path.join(PROJECT_ROOT, STARTUP_HOME), { recursive: true, force: true });
  const firstStartSeconds = await timeOneStart();
  const restartSeconds = await timeOneStart();
  return { firstStartSeconds, restartSeconds };
}

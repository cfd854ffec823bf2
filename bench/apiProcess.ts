import path from 'node:path';
import { Child } from './child.js';

/**
 * The API under test, started as `npm start` starts it (`node scripts/start.mjs`: src/ built once
 * with esbuild, then run as JavaScript), in a child process, with bench/api-probe.mjs loaded so the benchmark can read its CPU time and memory. PORT=0 picks a free
 * port; the URL comes from the "GraphQL API ready at" line.
 */

export interface ApiStats {
  cpuMicros: number;
  rss: number;
  maxRss: number;
}

export class ApiProcess {
  private constructor(
    private readonly child: Child,
    readonly url: string,
    readonly startupMs: number,
  ) {}

  /** `entry`: another server to run the same way (the @neo4j/graphql peer, bench/peer/server.ts). */
  static async start(
    env: NodeJS.ProcessEnv,
    options: { cpuProfileDir?: string; timeoutMs?: number; entry?: string } = {},
  ): Promise<ApiProcess> {
    const args = ['--import', './bench/api-probe.mjs'];
    if (options.cpuProfileDir !== undefined) args.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
    const started = performance.now();
    const ownApi = options.entry === undefined;
    const child = new Child(
      [...args, options.entry ?? path.join('scripts', 'start.mjs')],
      { ...env, PORT: '0', HOST: '127.0.0.1' },
      'ignore',
      !ownApi,
    );
    const url = await waitForReady(child, options.timeoutMs ?? 300_000);
    return new ApiProcess(child, url, performance.now() - started);
  }

  get pid(): number {
    return this.child.pid;
  }

  async stats(): Promise<ApiStats> {
    return (await this.child.request({ type: 'stats' })) as unknown as ApiStats;
  }

  /** SIGINT, as Ctrl-C: the API drains, stops its database if it started one, and exits. */
  stop(): Promise<void> {
    return this.child.stop('SIGINT');
  }
}

/** Resolves with the API's URL (on 127.0.0.1) once it prints its ready line. */
export function waitForReady(child: Child, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the API did not print its ready line within ${timeoutMs} ms:\n${child.stderr.slice(-3000)}`));
    }, timeoutMs);
    const check = (): void => {
      const match = /GraphQL API ready at http:\/\/[^:/]+:(\d+)\/graphql/.exec(child.stderr);
      if (match !== null) {
        clearTimeout(timer);
        child.process.stderr?.off('data', check);
        resolve(`http://127.0.0.1:${match[1]}/graphql`);
      }
    };
    child.process.stderr?.on('data', check);
    child.process.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${signal ?? code}) before it was ready:\n${child.stderr.slice(-3000)}`));
    });
    check();
  });
}

import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

/**
 * What the tests that start the API as a process of its own (lifecycle, signals to npm start) share:
 * an environment with its own embedded Neo4j, waiting for "ready", exit codes and the launcher's pids.
 */

/** The environment of an API on its own embedded Neo4j (home under .neo4j/, Bolt port), on a free HTTP port. */
export function ownNeo4jEnv(homeName: string, boltPort: number, logLevel: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: '',
    PORT: '0',
    NEO4J_EMBEDDED_HOME: path.join(PROJECT_ROOT, '.neo4j', homeName),
    NEO4J_EMBEDDED_PORT: String(boltPort),
    NEO4J_EMBEDDED_HEAP: '512m',
    NEO4J_EMBEDDED_PAGECACHE: '128m',
    LOG_LEVEL: logLevel,
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the API's URL once the process says it is ready; rejects if it exits first. */
export function apiReady(child: ChildProcess, label: string): { ready: Promise<string>; output: () => string } {
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code} before it was ready:\n${output}`)));
  });
  return { ready, output: () => output };
}

/** The exit code of a process (null when a signal ended it), once it has exited. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The pids the embedded Neo4j's launcher recorded in its home: its JVM and the process that owns it. */
export function launcherPids(home: string): { jvm: number; owner: number } {
  return JSON.parse(fs.readFileSync(path.join(home, 'launcher.pid'), 'utf8')) as { jvm: number; owner: number };
}

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { NEO4J_VERSION } from '../src/config.js';

/** What the benchmark ran on, for the report. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  java: string;
  neo4j: string;
}

export function describeMachine(neo4jVersion: string | null): Machine {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const javaLine = `${java.stderr ?? ''}${java.stdout ?? ''}`.split('\n').find((line) => /version/.test(line)) ?? 'unknown';
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: javaLine.trim(),
    neo4j: neo4jVersion ?? NEO4J_VERSION,
  };
}

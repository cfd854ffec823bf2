import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { importData, readImport, type ImportInput } from '../src/ingest/importData.js';
import { seedGraph } from '../src/ingest/seedGraph.js';
import { createLogger } from '../src/logger.js';

/**
 * Measures the EuRepoC Global Database 1.1 import into a graph that already holds the seed, ATT&CK
 * Enterprise and the MISP threat actors, its re-import, and the p50 of each responseStatistics
 * statement (cypher/statistics/, through the driver, asOf null and the EuRepoC source).
 * CLEARS the database it runs against: run it with its own embedded home, e.g.
 *   NEO4J_EMBEDDED_HOME=.neo4j/bench NEO4J_EMBEDDED_PORT=7713 npx tsx bench/import-eurepoc.ts
 */
const data = path.resolve(PROJECT_ROOT, '../shared/data');
const file = (relative: string): ImportInput => {
  const full = path.join(data, relative);
  return { name: path.basename(full), bytes: fs.readFileSync(full) };
};
const config = loadConfig();
if (config.neo4j.uri !== undefined)
  throw new Error('bench/import-eurepoc.ts clears its database: run it on an embedded one, not NEO4J_URI');
const connection = await connect(config.neo4j, createLogger('warn'));
const db = connection.db;
/** CPU seconds of the Neo4j JVM so far (Linux /proc), to tell work from waiting on a shared machine. */
const neo4jPid = connection.embedded?.pid;
function neo4jCpu(): number {
  if (neo4jPid === undefined || !fs.existsSync(`/proc/${neo4jPid}/stat`)) return NaN;
  const fields = fs.readFileSync(`/proc/${neo4jPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
let mark = { wall: 0, node: process.cpuUsage(), neo4j: 0 };
const begin = (): void => {
  mark = { wall: performance.now(), node: process.cpuUsage(), neo4j: neo4jCpu() };
};
const seconds = (): string => {
  const node = process.cpuUsage(mark.node);
  const cpu = `CPU: Node ${((node.user + node.system) / 1e6).toFixed(2)} s, Neo4j ${(neo4jCpu() - mark.neo4j).toFixed(2)} s`;
  return `${((performance.now() - mark.wall) / 1000).toFixed(2)} s (${cpu})`;
};
const STATEMENTS = [
  'attributions-per-accused-state-year',
  'attributor-accused-pairs',
  'response-share-by-accused-state',
  'time-to-first-attribution',
];
try {
  await db.autoCommit('admin/delete-all');
  await seedGraph(db);
  begin();
  await importData(db, file('attack/enterprise-attack-18.1.json.gz'));
  await importData(db, file('misp-galaxy/threat-actor.json'));
  process.stdout.write(`seed, ATT&CK Enterprise and MISP threat actors (not part of the figures): ${seconds()}\n`);
  const eurepoc = file('eurepoc/EuRepoC_Global_Database_1.1.csv');
  begin();
  readImport(eurepoc);
  process.stdout.write(`EuRepoC parse and map only: ${seconds()}\n`);
  begin();
  const first = await importData(db, eurepoc);
  process.stdout.write(
    `EuRepoC import: ${seconds()} (objects merged into existing entities ${first.merges.length}, kept apart with POSSIBLY_SAME_AS ${first.ambiguities.length}, unchanged=${first.unchanged})\n`,
  );
  begin();
  const again = await importData(db, eurepoc);
  process.stdout.write(`EuRepoC re-import: ${seconds()} (unchanged=${again.unchanged})\n`);
  for (const source of [null, first.source!.id]) {
    for (const statement of STATEMENTS) {
      const times: number[] = [];
      for (let round = 0; round < 23; round += 1) {
        const t = performance.now();
        await db.read(`statistics/${statement}`, { asOf: null, source, namesOnly: false });
        if (round >= 2) times.push(performance.now() - t); // two warm-up rounds
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(times.length / 2)]!;
      const p95 = times[Math.floor(times.length * 0.95)]!;
      process.stdout.write(
        `statistics/${statement} (source ${source === null ? 'any' : 'EuRepoC'}): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms\n`,
      );
    }
  }
} finally {
  await connection.close();
}

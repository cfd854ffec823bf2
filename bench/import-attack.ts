import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { importData, readImport } from '../src/ingest/importData.js';
import { seedGraph } from '../src/ingest/seedGraph.js';
import { createLogger } from '../src/logger.js';

/**
 * Measures the ATT&CK Enterprise import into an empty graph (plus the seed) and its re-import.
 * CLEARS the database it runs against: run it with its own embedded home, e.g.
 *   NEO4J_EMBEDDED_HOME=.neo4j/bench NEO4J_EMBEDDED_PORT=7713 npx tsx bench/import-attack.ts
 */
const file = path.resolve(PROJECT_ROOT, '../shared/data/attack/enterprise-attack-18.1.json.gz');
const config = loadConfig();
if (config.neo4j.uri !== undefined)
  throw new Error('bench/import-attack.ts clears its database: run it on an embedded one, not NEO4J_URI');
const connection = await connect(config.neo4j, createLogger('warn'));
const db = connection.db;
const input = { name: path.basename(file), bytes: fs.readFileSync(file) };
const seconds = (start: number): string => ((performance.now() - start) / 1000).toFixed(2);
try {
  await db.autoCommit('admin/delete-all');
  await seedGraph(db);
  let start = performance.now();
  readImport(input);
  process.stdout.write(`parse and check only: ${seconds(start)} s\n`);
  start = performance.now();
  const cold = await importData(db, input);
  process.stdout.write(
    `import into an empty graph (seed only), Neo4j just started: ${seconds(start)} s, unchanged=${cold.unchanged}\n`,
  );
  await db.autoCommit('admin/delete-all');
  await seedGraph(db);
  start = performance.now();
  const first = await importData(db, input);
  process.stdout.write(
    `import into an empty graph (seed only), Neo4j warmed up: ${seconds(start)} s, unchanged=${first.unchanged}\n`,
  );
  start = performance.now();
  const again = await importData(db, input);
  process.stdout.write(`re-import: ${seconds(start)} s, unchanged=${again.unchanged}\n`);
} finally {
  await connection.close();
}

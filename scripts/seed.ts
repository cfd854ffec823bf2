import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { formatReport } from '../src/ingest/report.js';
import { seedGraph } from '../src/ingest/seedGraph.js';
import { createLogger } from '../src/logger.js';

/** `npm run seed`: (re)applies seed/*.yaml; idempotent, so a second run reports no change. */
const config = loadConfig();
const connection = await connect(config.neo4j, createLogger(process.env.LOG_LEVEL ?? 'warn'));
let failed = false;
try {
  for (const report of await seedGraph(connection.db)) process.stdout.write(`${formatReport(report)}\n`);
} catch (error) {
  process.stderr.write(`seed: ${(error as Error).message}\n`);
  failed = true;
} finally {
  await connection.close();
}
process.exit(failed ? 1 : 0);

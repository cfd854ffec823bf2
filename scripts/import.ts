import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { importFile } from '../src/ingest/importData.js';
import { progressDisplay } from '../src/ingest/progress.js';
import { formatImportReport } from '../src/ingest/report.js';
import { createLogger } from '../src/logger.js';

/**
 * `npm run import -- <file> [more files]`: imports STIX 2.0/2.1 bundles and MISP threat-actor
 * galaxies (.json or .json.gz), each file in its own transaction. A refused file writes nothing
 * and makes the exit status 1; the files after it are still imported.
 */
const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0) {
  process.stderr.write('usage: npm run import -- <file.json|file.json.gz> [more files]\n');
  process.exit(2);
}
const config = loadConfig();
const connection = await connect(config.neo4j, createLogger(process.env.LOG_LEVEL ?? 'warn'));
let failed = false;
try {
  for (const file of files) {
    const started = Date.now();
    const progress = progressDisplay(process.stdout, file);
    try {
      const report = await importFile(connection.db, file, { onProgress: progress.onProgress });
      progress.finish();
      process.stdout.write(`${formatImportReport(report)}\n  took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      progress.finish();
      process.stderr.write(`import: ${(error as Error).message}\n`);
      failed = true;
    }
  }
} finally {
  await connection.close();
}
process.exit(failed ? 1 : 0);

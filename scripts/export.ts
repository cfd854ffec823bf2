import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { exportStix } from '../src/export/stix.js';
import { createLogger } from '../src/logger.js';

/**
 * `npm run export -- [--out file] [--ids a,b] [--neighborhood id --depth n]`: writes the graph, or
 * a selection of it, as a STIX 2.1 bundle (to stdout without --out).
 */
let options: { out?: string; ids?: string; neighborhood?: string; depth?: string };
try {
  options = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { out: { type: 'string' }, ids: { type: 'string' }, neighborhood: { type: 'string' }, depth: { type: 'string' } },
  }).values;
} catch (error) {
  process.stderr.write(
    `export: ${(error as Error).message}\nusage: npm run export -- [--out file] [--ids a,b] [--neighborhood id --depth n]\n`,
  );
  process.exit(2);
}
if (options.depth !== undefined && !/^\d+$/.test(options.depth)) {
  process.stderr.write(`export: --depth must be a whole number, got "${options.depth}"\n`);
  process.exit(2);
}
const config = loadConfig();
const connection = await connect(config.neo4j, createLogger(process.env.LOG_LEVEL ?? 'warn'));
let failed = false;
try {
  const bundle = await exportStix(connection.db, {
    ids: options.ids
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    neighborhoodOf: options.neighborhood,
    depth: options.depth === undefined ? undefined : Number(options.depth),
  });
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  if (options.out === undefined) process.stdout.write(text);
  else {
    fs.writeFileSync(options.out, text);
    process.stderr.write(`export: wrote ${bundle.objects.length} objects to ${options.out}\n`);
  }
} catch (error) {
  process.stderr.write(`export: ${(error as Error).message}\n`);
  failed = true;
} finally {
  await connection.close();
}
process.exit(failed ? 1 : 0);

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { writeStix } from '../src/export/stix.js';
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
  const selection = {
    ids: options.ids
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    neighborhoodOf: options.neighborhood,
    depth: options.depth === undefined ? undefined : Number(options.depth),
  };
  // Written object by object as the pages are read, so that memory holds one page, not the graph;
  // to a temporary file first, so that a failed export leaves no half-written bundle under --out.
  const target = options.out === undefined ? undefined : `${options.out}.partial`;
  const stream = target === undefined ? process.stdout : fs.createWriteStream(target);
  const write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (stream.write(text)) resolve();
      else {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }
    });
  // A whole-graph export reads for longer than one API request may.
  const count = await writeStix(connection.db, selection, write, { timeoutMs: 3_600_000 });
  if (target !== undefined && options.out !== undefined) {
    await new Promise<void>((resolve, reject) =>
      (stream as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    fs.renameSync(target, options.out);
    process.stderr.write(`export: wrote ${count} objects to ${options.out}\n`);
  }
} catch (error) {
  if (options.out !== undefined) fs.rmSync(`${options.out}.partial`, { force: true });
  process.stderr.write(`export: ${(error as Error).message}\n`);
  failed = true;
} finally {
  await connection.close();
}
process.exit(failed ? 1 : 0);

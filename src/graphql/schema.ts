import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../config.js';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The SDL from schema/*.graphql, in file-name order, as one document. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
}

/** Where the printed schema lives for clients (codegen, editors, Relay's compiler). */
export const PRINTED_SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

/** The schema of schema/*.graphql as one printed SDL document, with a header saying where it comes from. */
export function printedSchema(dir: string = SCHEMA_DIR): string {
  const header =
    '# Printed from schema/*.graphql by `npm run schema:print`: do not edit. `npm run schema:check` fails when it is stale.\n\n';
  return `${header}${printSchema(buildSchema(loadTypeDefs(dir)))}\n`;
}

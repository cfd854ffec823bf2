import fs from 'node:fs';
import path from 'node:path';
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

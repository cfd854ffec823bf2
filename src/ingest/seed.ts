import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../config.js';
import { ChangesetError, type Changeset } from '../write/changeset.js';
import type { Raw } from '../model/records.js';
import { readDocument } from '../write/document.js';

/** The curated data files (seed/*.yaml), read into changesets by the document reader of src/write. */

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/** Parses one curated data file; a malformed file is refused with every problem named. */
export function readSeedFile(file: string): Changeset {
  const origin = path.relative(PROJECT_ROOT, file);
  let document: Raw;
  try {
    document = parse(fs.readFileSync(file, 'utf8')) as Raw;
  } catch (error) {
    throw new ChangesetError(origin, [{ at: origin, message: `is not valid YAML: ${(error as Error).message}` }]);
  }
  return readDocument(document, origin);
}

export function seedFiles(dir: string = SEED_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort()
    .map((file) => path.join(dir, file));
}

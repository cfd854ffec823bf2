import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

/**
 * Every Cypher statement the project runs lives in cypher/, one per file, and is referred to by
 * its path without the extension ("health/counts"). Statements take parameters only.
 */
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

export type StatementCatalog = ReadonlyMap<string, string>;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.cypher') ? [full] : [];
  });
}

export function loadStatements(dir: string = CYPHER_DIR): StatementCatalog {
  const catalog = new Map<string, string>();
  for (const file of walk(dir).sort()) {
    const name = path
      .relative(dir, file)
      .replace(/\\/g, '/')
      .replace(/\.cypher$/, '');
    catalog.set(name, fs.readFileSync(file, 'utf8'));
  }
  return catalog;
}

/**
 * The text sent to the server: the file without its comment lines and indentation. The comments are
 * for the people who read cypher/; sent, the driver would pack them into every query (over a third of
 * read/entity-with-links) and the server hash them to find its cached plan. Lines are kept, so a
 * position the server reports still points at the file's line.
 */
export function wireText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const code = line.trim();
      return code.startsWith('//') ? '' : code;
    })
    .join('\n')
    .trimEnd();
}

/** Schema statements (constraints, indexes) in the order their file names sort. */
export function schemaStatements(catalog: StatementCatalog): Array<[string, string]> {
  return [...catalog.entries()].filter(([name]) => name.startsWith('schema/'));
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { loadStatements, wireText } from '../../src/db/statements.js';

const catalog = loadStatements();

/** The parameters a header declares: the $names on its "Parameters:" line and the indented lines after it. */
export function declaredParameters(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\/\/ Parameters?:/.test(line));
  if (start === -1) return [];
  const block = [lines[start]!];
  for (const line of lines.slice(start + 1)) {
    if (!/^\/\/\s{2,}/.test(line)) break;
    block.push(line);
  }
  return [...new Set([...block.join('\n').matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1]!))].sort();
}

/** The parameters a statement uses: $name outside comments ($(…) is a dynamic label, not a parameter). */
export function usedParameters(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return [...new Set([...body.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1]!))].sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('cypher/', () => {
  it('holds every statement the code runs, each with a comment header saying what it does', () => {
    for (const area of ['read', 'write', 'edit', 'audit', 'health', 'admin', 'schema', 'traversal', 'export', 'import']) {
      expect(
        [...catalog.keys()].some((name) => name.startsWith(`${area}/`)),
        area,
      ).toBe(true);
    }
    for (const [name, text] of catalog) {
      expect(text.trimStart().startsWith('//'), `${name} starts with a comment`).toBe(true);
    }
  });

  it('declares in each header exactly the parameters its statement uses', () => {
    const mismatched: string[] = [];
    for (const [name, text] of catalog) {
      const declared = declaredParameters(text);
      const used = usedParameters(text);
      if (JSON.stringify(declared) !== JSON.stringify(used)) {
        mismatched.push(`${name}: header declares [${declared.join(', ')}], statement uses [${used.join(', ')}]`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('has a file for every statement name the code uses', () => {
    const areas = [...new Set([...catalog.keys()].map((name) => name.split('/')[0]))].join('|');
    const pattern = new RegExp(`['\`]((?:${areas})/[a-z0-9/-]+)['\`]`, 'g');
    const missing: string[] = [];
    let found = 0;
    for (const dir of ['src', 'scripts', 'bench', 'tests']) {
      for (const file of sourceFiles(path.join(PROJECT_ROOT, dir))) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(pattern)) {
          found += 1;
          if (!catalog.has(match[1]!)) missing.push(`${path.relative(PROJECT_ROOT, file)}: ${match[1]}`);
        }
      }
    }
    expect(found, 'statement names found in the code').toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('applies schema changes only as idempotent statements', () => {
    for (const [name, text] of catalog) {
      if (!name.startsWith('schema/')) continue;
      expect(text, name).toMatch(/IF NOT EXISTS/);
    }
  });
});

describe('what is sent of a statement (wireText)', () => {
  it('drops comment lines and indentation, and keeps every line and every parameter', () => {
    for (const [name, text] of catalog) {
      const sent = wireText(text);
      expect(
        sent.split('\n').some((line) => line.startsWith('//') || line !== line.trim()),
        name,
      ).toBe(false);
      expect(usedParameters(sent), name).toEqual(usedParameters(text));
      // Positions the server reports count lines: a line of the file is the same line of the text sent.
      const lastLine = text.trimEnd().split('\n').length;
      expect(sent.split('\n').length, name).toBe(lastLine);
    }
    const sent = wireText(catalog.get('read/entity-with-links')!);
    expect(sent.length).toBeLessThan(0.7 * catalog.get('read/entity-with-links')!.length);
  });

  it('leaves string literals and trailing comments as they are', () => {
    expect(wireText("// Header.\n// More.\nMATCH (n)\n  WHERE n.name = 'a  b' // why\nRETURN n")).toBe(
      "\n\nMATCH (n)\nWHERE n.name = 'a  b' // why\nRETURN n",
    );
  });
});

describe('the header check', () => {
  it('reads multi-line parameter lists and ignores dynamic labels', () => {
    const text =
      '// What it does.\n// Parameters: $a, $b (list of {x, y}),\n//   $c.\n// Returns: n.\nMATCH (n:$($a)) WHERE n.b IN $b AND n.c = $c RETURN n';
    expect(declaredParameters(text)).toEqual(['a', 'b', 'c']);
    expect(usedParameters(text)).toEqual(['a', 'b', 'c']);
    expect(usedParameters('// x\nRETURN $(label), $d')).toEqual(['d']);
  });
});

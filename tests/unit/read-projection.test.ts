import { describe, expect, it } from 'vitest';
import { loadStatements } from '../../src/db/statements.js';
import { ENTITY_PROPERTIES, LINK_PROPERTIES } from '../../src/read/projection.js';

/** The property keys of every map projection `var {.a, .b, …}` in a statement. */
function projections(text: string): string[][] {
  return [...text.matchAll(/\b\w+ \{(\s*\.\w+(?:,\s*\.\w+)*\s*)\}/g)].map((match) =>
    match[1]!.split(',').map((key) => key.trim().slice(1)),
  );
}

describe('cypher/read/*', () => {
  const reads = [...loadStatements()].filter(([name]) => name.startsWith('read/'));

  it('never returns every property of a node or relationship', () => {
    for (const [name, text] of reads) {
      const code = text.replace(/\/\/.*$/gm, '');
      expect(code, name).not.toMatch(/\{\s*\.\*\s*\}/);
      expect(code, name).not.toMatch(/properties\(/);
      expect(code, name).not.toMatch(/createdAt|updatedAt|contentHash/);
    }
  });

  it('projects entities and relationships as src/read/projection.ts lists them', () => {
    let entityProjections = 0;
    for (const [name, text] of reads) {
      for (const keys of projections(text)) {
        if (keys.includes('kind')) {
          entityProjections += 1;
          expect(keys, name).toEqual([...ENTITY_PROPERTIES]);
        } else expect(keys, name).toEqual([...LINK_PROPERTIES]);
      }
    }
    expect(entityProjections).toBeGreaterThanOrEqual(9);
  });
});

import { describe, expect, it } from 'vitest';
import { loadStatements } from '../../src/db/statements.js';
import { NAME_FIELDS, SUMMARY_FIELDS } from '../../src/graphql/selection.js';
import {
  ENTITY_NAME_PROPERTIES,
  ENTITY_PROPERTIES,
  ENTITY_SUMMARY_PROPERTIES,
  LINK_PROPERTIES,
} from '../../src/read/projection.js';

/** The property keys of every map projection `var {.a, .b, …}` in a statement. */
function projections(text: string): string[][] {
  return [...text.matchAll(/\b\w+ \{(\s*\.\w+(?:,\s*\.\w+)*\s*)\}/g)].map((match) =>
    match[1]!.split(',').map((key) => key.trim().slice(1)),
  );
}

describe('cypher/read/*, traversal/* and statistics/*', () => {
  const reads = [...loadStatements()].filter(
    ([name]) => name.startsWith('read/') || name.startsWith('traversal/') || name.startsWith('statistics/'),
  );

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
    let summaryProjections = 0;
    for (const [name, text] of reads) {
      for (const keys of projections(text)) {
        if (keys.includes('kind') && keys.length === ENTITY_NAME_PROPERTIES.length) {
          summaryProjections += 1;
          expect(keys, name).toEqual([...ENTITY_NAME_PROPERTIES]);
        } else if (keys.includes('kind') && keys.length === ENTITY_SUMMARY_PROPERTIES.length) {
          summaryProjections += 1;
          expect(keys, name).toEqual([...ENTITY_SUMMARY_PROPERTIES]);
        } else if (keys.includes('kind')) {
          entityProjections += 1;
          expect(keys, name).toEqual([...ENTITY_PROPERTIES]);
        } else expect(keys, name).toEqual([...LINK_PROPERTIES]);
      }
    }
    // read/*, and the nodes of every traversal.
    expect(entityProjections).toBeGreaterThanOrEqual(20);
    // read/entity-summaries-by-id and the two levels of far ends in read/entity-with-links.
    expect(summaryProjections).toBeGreaterThanOrEqual(5);
  });

  it('answers from summary projections only the fields every entity type reads from those properties', () => {
    expect([...SUMMARY_FIELDS].sort()).toEqual(['__typename', ...ENTITY_SUMMARY_PROPERTIES].sort());
    expect([...NAME_FIELDS].sort()).toEqual(['__typename', ...ENTITY_NAME_PROPERTIES].sort());
  });
});

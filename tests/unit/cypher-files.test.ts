import { describe, expect, it } from 'vitest';
import { loadStatements } from '../../src/db/statements.js';

describe('cypher/', () => {
  const catalog = loadStatements();

  it('holds the statements, each with a comment header saying what it does', () => {
    expect(catalog.size).toBeGreaterThan(5);
    for (const [name, text] of catalog) {
      expect(text.trimStart().startsWith('//'), `${name} starts with a comment`).toBe(true);
    }
  });

  it('applies schema changes only as idempotent statements', () => {
    for (const [name, text] of catalog) {
      if (!name.startsWith('schema/')) continue;
      expect(text, name).toMatch(/IF NOT EXISTS/);
    }
  });
});

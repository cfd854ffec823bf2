import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toParams } from '../../src/db/database.js';
import { toPlain } from '../../src/db/values.js';

describe('toPlain', () => {
  it('turns Neo4j integers and temporal values into JSON-friendly values', () => {
    const value = toPlain({
      count: neo4j.int(42),
      huge: neo4j.int('9007199254740993'),
      day: new neo4j.types.Date(2025, 5, 28),
      nested: [{ n: neo4j.int(1) }],
      missing: null,
    });
    expect(value).toEqual({ count: 42, huge: '9007199254740993', day: '2025-05-28', nested: [{ n: 1 }], missing: null });
  });
});

describe('toParams', () => {
  it('sends whole numbers as integers and leaves other values alone', () => {
    const params = toParams({ limit: 10, score: 0.5, names: ['a'], nested: { depth: 2 }, skip: undefined }) as Record<
      string,
      unknown
    >;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.score).toBe(0.5);
    expect(params.names).toEqual(['a']);
    expect(neo4j.isInt((params.nested as Record<string, unknown>).depth)).toBe(true);
    expect('skip' in params).toBe(false);
  });
});

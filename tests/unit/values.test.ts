import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toParams } from '../../src/db/database.js';
import { toPlain } from '../../src/db/values.js';

describe('toPlain', () => {
  it("converts the record's own lists and maps in place, and copies a node's properties", () => {
    const row = { id: 'a', n: neo4j.int(2) };
    const list = [row];
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { n: neo4j.int(3) }, '4:x:1');
    const value = toPlain({ list, node }) as { list: unknown[]; node: Record<string, unknown> };
    expect(value.list).toBe(list);
    expect(value.list[0]).toBe(row);
    expect(row).toEqual({ id: 'a', n: 2 });
    expect(value.node).toEqual({ n: 3 });
    expect(neo4j.isInt(node.properties.n)).toBe(true);
  });

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

  it('leaves strings, numbers and booleans alone, and turns every other driver type into plain values', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['Entity'],
      { id: 'actor:apt31', since: new neo4j.types.Date(2022, 1, 1) },
      '4:x:1',
    );
    const rel = new neo4j.types.Relationship(
      neo4j.int(2),
      neo4j.int(1),
      neo4j.int(3),
      'USES',
      { key: 'k', weight: neo4j.int(3) },
      '5:x:2',
      '4:x:1',
      '4:x:3',
    );
    const lasted = new neo4j.types.Duration(0, 2, 0, 0);
    const value = toPlain({
      text: 'APT31',
      score: 0.5,
      yes: true,
      big: 12n,
      at: new neo4j.types.DateTime(2025, 5, 28, 10, 0, 0, 0, 0),
      local: new neo4j.types.LocalDateTime(2025, 5, 28, 10, 0, 0, 0),
      time: new neo4j.types.LocalTime(10, 30, 0, 0),
      lasted,
      node,
      rel,
      list: [[node], { deeper: [neo4j.int(7)] }],
    });
    expect(value).toEqual({
      text: 'APT31',
      score: 0.5,
      yes: true,
      big: 12,
      at: '2025-05-28T10:00:00Z',
      local: '2025-05-28T10:00:00',
      time: '10:30:00',
      lasted: lasted.toString(),
      node: { id: 'actor:apt31', since: '2022-01-01' },
      rel: { key: 'k', weight: 3 },
      list: [[{ id: 'actor:apt31', since: '2022-01-01' }], { deeper: [7] }],
    });
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

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { operationCost } from '../../src/graphql/cost.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

// graphql as Node loads it for graphql-query-complexity and Apollo (CommonJS), not the ESM copy a
// test runner may resolve: a schema from one copy fails the other's checks.
const { buildSchema, getIntrospectionQuery, parse } = createRequire(import.meta.url)('graphql') as typeof GraphQL;
const schema = buildSchema(loadTypeDefs());
const maxCost = loadConfig({}).api.maxCost;
const cost = (query: string, variables: Record<string, unknown> = {}): number =>
  operationCost(schema, parse(query), variables, undefined);

describe('the cost of an operation', () => {
  const nested =
    'query($n: Int) { entity(id: "x") { links(first: $n) { node { links(first: $n) { node { links(first: $n) { type } } } } } } }';

  it('reads list sizes from the variables', () => {
    expect(cost(nested, { n: 500 })).toBeGreaterThan(maxCost);
    expect(cost(nested, { n: 2 })).toBeLessThan(100);
  });

  it('uses the schema default of a size argument left out, and of a variable left out', () => {
    expect(cost('{ entity(id: "x") { links { node { links { node { links { type } } } } } } }')).toBeGreaterThan(maxCost);
    expect(cost('query($n: Int = 500) { entity(id: "x") { links(first: $n) { type } } }')).toBe(
      cost('{ entity(id: "x") { links(first: 500) { type } } }'),
    );
  });

  it('counts the entities of an export page', () => {
    expect(cost('{ exportStix(first: 1000) { entityCount } }')).toBeLessThanOrEqual(maxCost);
    expect(cost('{ a: exportStix(first: 1000) { bundle } b: exportStix(first: 1000) { bundle } }')).toBeGreaterThan(maxCost);
  });

  it('does not count introspection, which the schema bounds (the playground introspects)', () => {
    expect(cost(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBe(0);
  });

  it('computes the cost of a parsed document once per set of variables that can change it', () => {
    const document = parse(
      'query($id: ID!, $n: Int, $kinds: [EntityKind!]) { entity(id: $id) { links(first: $n) { node { id } } } hits: search(text: "x", kinds: $kinds) { score } }',
    );
    const of = (variables: Record<string, unknown>) => operationCost(schema, document, variables, undefined);
    expect(of({ id: 'actor:a', n: 500 })).toBeGreaterThan(of({ id: 'actor:a', n: 2 }));
    // Another id is the same cost; another size is not, whatever was asked before.
    expect(of({ id: 'actor:b', n: 2 })).toBe(of({ id: 'actor:a', n: 2 }));
    expect(of({ id: 'actor:b', n: 500 })).toBe(of({ id: 'actor:a', n: 500 }));
    // Variables that do not coerce are refused every time, however alike the ones that did.
    expect(() => of({ id: { not: 'an id' }, n: 2 })).toThrow(/ID/);
    expect(() => of({ id: 'actor:a', n: 'two' })).toThrow(/Int/);
    expect(() => of({ id: 'actor:a', n: 2, kinds: ['NOT_A_KIND'] })).toThrow(/EntityKind/);
    expect(of({ id: 'actor:a', n: 2, kinds: ['ThreatActor'] })).toBe(of({ id: 'actor:a', n: 2 }));
  });

  it('lets every example analyst question and the graph view through', () => {
    const dir = path.resolve('docs/queries');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
      expect(cost(fs.readFileSync(path.join(dir, file), 'utf8')), file).toBeLessThanOrEqual(maxCost);
    }
  });
});

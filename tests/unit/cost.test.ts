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

  it('lets every example analyst question and the graph view through', () => {
    const dir = path.resolve('docs/queries');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
      expect(cost(fs.readFileSync(path.join(dir, file), 'utf8')), file).toBeLessThanOrEqual(maxCost);
    }
  });
});

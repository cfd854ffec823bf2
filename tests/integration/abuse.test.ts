import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { exportStix, writeStix } from '../../src/export/stix.js';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { useSeededApi } from '../support/api.js';

// What a careless or hostile client sends: costs hidden in variables and defaults, unbounded
// exports, mixed permissions in one request, and the HTTP statuses of refusals.
const api = useSeededApi();
const keys: Record<'reader' | 'editor' | 'admin', string> = { reader: '', editor: '', admin: '' };
beforeAll(async () => {
  for (const role of ['reader', 'editor', 'admin'] as const)
    keys[role] = (await createApiKey(api().db, `abuse ${role}`, role)).key;
});

type Json = Record<string, any>;

describe('the cost limit', () => {
  const NESTED =
    'query($n: Int) { entity(id: "actor:apt31") { links(first: $n) { node { links(first: $n) { node { links(first: $n) { type } } } } } } }';

  it('counts list sizes given in variables', async () => {
    const result = await api().graphql(NESTED, { n: 500 });
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions.reason).toBe('COST_LIMIT');
    expect(result.errors?.[0]?.message).toMatch(/costs \d+ with these variables/);
    // The same operation with small pages runs.
    const small = await api().graphql(NESTED, { n: 3 });
    expect(small.errors).toBeUndefined();
  });

  it('counts the schema default of a list argument that is left out', async () => {
    const result = await api().graphql('{ entity(id: "actor:apt31") { links { node { links { node { links { type } } } } } } }');
    expect(result.errors?.[0]?.extensions.reason).toBe('COST_LIMIT');
  });
});

describe('exportStix', () => {
  const reader = (query: string, variables?: Record<string, unknown>) =>
    api().graphql<Json>(query, variables, { authorization: `Bearer ${keys.reader}` });

  it('serves the graph a bounded page at a time; the pages together are the whole export', async () => {
    const whole = await exportStix(api().db);
    const wholeIds = new Set(whole.objects.map((object) => object.id));
    const seen = new Set<unknown>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Json = await reader(
        'query($after: String) { exportStix(first: 5, after: $after) { bundle entityCount pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.exportStix;
      expect(page.entityCount).toBeLessThanOrEqual(5);
      for (const object of JSON.parse(page.bundle).objects) seen.add(object.id);
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(wholeIds);
  });

  it('writes a whole export object by object, a page at a time, as the same bundle', async () => {
    const whole = await exportStix(api().db);
    const chunks: string[] = [];
    const count = await writeStix(api().db, {}, async (text) => void chunks.push(text), { pageSize: 3 });
    const streamed = JSON.parse(chunks.join('')) as typeof whole;
    expect(count).toBe(whole.objects.length);
    expect(chunks.length).toBeGreaterThan(whole.objects.length);
    expect(new Set(streamed.objects.map((object) => object.id))).toEqual(new Set(whole.objects.map((object) => object.id)));
    expect(streamed.objects).toHaveLength(whole.objects.length);
  });

  it('refuses a page larger than 1000, and counts each entity in the cost', async () => {
    const big = await reader('{ exportStix(first: 5000) { entityCount } }');
    expect(big.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const three = await reader(
      '{ a: exportStix(first: 1000) { entityCount } b: exportStix(first: 1000) { entityCount } c: exportStix(first: 1000) { entityCount } }',
    );
    expect(three.errors?.[0]?.extensions.reason).toBe('COST_LIMIT');
  });
});

describe('refusals', () => {
  const as = (role: keyof typeof keys | null) => (query: string, variables?: Record<string, unknown>) =>
    api().graphql<Json>(query, variables, role === null ? {} : { authorization: `Bearer ${keys[role]}` });
  const SOURCE = (id: string) =>
    `createSource(input: { id: "${id}", title: "Abuse test", publisher: "Test", published: "2025", sourceType: OFFICIAL_STATEMENT }) { id }`;

  it('answer 401 without a key, 403 with too low a role, 400 for a request the limits refuse', async () => {
    const anonymous = await as(null)(`mutation { ${SOURCE('abuse-test:s1')} }`);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const reader = await as('reader')(`mutation { ${SOURCE('abuse-test:s1')} }`);
    expect([reader.status, reader.errors?.[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
    const tokens = await as(null)(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect([tokens.status, tokens.errors?.[0]?.extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const history = await as(null)('{ history(id: "actor:apt31") { operation } }');
    expect([history.status, history.errors?.[0]?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('authorise every root field before running any: an allowed and a forbidden mutation commit nothing', async () => {
    const mixed = await as('editor')(
      `mutation { first: ${SOURCE('abuse-test:mixed')} mergeEntities(keepId: "state:cz", mergeId: "state:cn", reason: "x") { id } }`,
    );
    expect([mixed.status, mixed.errors?.[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
    expect(mixed.errors?.[0]?.message).toMatch(/mergeEntities needs the admin role/);
    expect(await api().db.read('import/entities-by-id', { ids: ['abuse-test:mixed'] })).toEqual([]);
  });

  it('answer 503 with Retry-After while the database is unreachable', async () => {
    const db = new Database({
      uri: 'bolt://127.0.0.1:7719',
      user: 'neo4j',
      password: 'unused-password',
      database: undefined,
      transactionTimeoutMs: 5000,
      logger: createLogger('silent'),
    });
    const server = await startServer(
      { db, logger: createLogger('silent'), api: loadConfig({}).api },
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ node(id: "actor:apt31") { id } }' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as Json;
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await server.stop();
      await db.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEO4J_VERSION } from '../../src/config.js';
import { applyChangeset } from '../../src/write/apply.js';
import type { EntityInput } from '../../src/write/changeset.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('health', () => {
  it('answers the database version, edition and graph size through /graphql', async () => {
    type Health = { health: { database: { version: string; edition: string }; nodeCount: number; relationshipCount: number } };
    const query = '{ health { database { version edition } nodeCount relationshipCount } }';
    const before = await api.graphql<Health>(query);
    expect(before.errors).toBeUndefined();
    expect(before.data?.health.database.version).toBe(NEO4J_VERSION);
    expect(before.data?.health.database.edition).toBe('community');
    // Three entities and one relationship more are counted as exactly that.
    const cite = [{ sourceId: 'health-test:source', quote: null }];
    const entity = (id: string, kind: 'Source' | 'ThreatActor'): EntityInput => ({
      id,
      kind,
      name: id,
      description: null,
      props: {},
      dates: {},
      aliases: [],
      citations: kind === 'Source' ? [] : cite,
    });
    await applyChangeset(api.db, {
      origin: 'health test',
      entities: [
        entity('health-test:source', 'Source'),
        entity('health-test:a', 'ThreatActor'),
        entity('health-test:b', 'ThreatActor'),
      ],
      relationships: [
        { type: 'RELATED_TO', from: 'health-test:a', to: 'health-test:b', key: '', props: {}, dates: {}, citations: cite },
      ],
    });
    try {
      const after = await api.graphql<Health>(query);
      expect(after.data?.health.nodeCount).toBe(before.data!.health.nodeCount + 3);
      expect(after.data?.health.relationshipCount).toBe(before.data!.health.relationshipCount + 1);
    } finally {
      await api.db.autoCommit('admin/delete-by-id-prefix', { prefix: 'health-test:' });
    }
  });

  it('sends security headers on every answer: no sniffing, no framing, no referrer', async () => {
    for (const path of ['/health/live', '/graphql?query=%7B__typename%7D']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('serves liveness and readiness', async () => {
    const live = await fetch(`${api.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('returns the request id it was given, in the header and in errors', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-request-1' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('test-request-1');
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]?.extensions.reason).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]?.extensions.requestId).toBe('test-request-1');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEO4J_VERSION } from '../../src/config.js';
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
    const { data, errors } = await api.graphql<{
      health: { database: { version: string; edition: string }; nodeCount: number; relationshipCount: number };
    }>('{ health { database { version edition } nodeCount relationshipCount } }');
    expect(errors).toBeUndefined();
    expect(data?.health.database.version).toBe(NEO4J_VERSION);
    expect(data?.health.database.edition).toBe('community');
    expect(data?.health.nodeCount).toBeGreaterThanOrEqual(0);
    expect(data?.health.relationshipCount).toBeGreaterThanOrEqual(0);
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

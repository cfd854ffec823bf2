import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import type { KeyBackoffConfig } from '../../src/auth/keyBackoff.js';
import { startTestApi, type TestApi } from '../support/api.js';

// A client that keeps presenting wrong API keys is slowed down, through the real HTTP API.
const BACKOFF: KeyBackoffConfig = {
  failuresBeforeBackoff: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  resetAfterMs: 600_000,
  maxClients: 100,
};
const WRONG = `agk_000000000000_${'x'.repeat(43)}`;

interface Answer {
  status: number;
  retryAfter: string | null;
  code: unknown;
  body: { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
}

async function ask(api: TestApi, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json()) as Answer['body'];
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions.code,
    body,
  };
}

const wrong = { authorization: `Bearer ${WRONG}` };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a client presenting wrong API keys', () => {
  let api: TestApi;
  let valid: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi({ keyBackoff: BACKOFF });
    valid = { authorization: `Bearer ${(await createApiKey(api.db, 'backoff test', 'reader')).key}` };
  });
  afterAll(async () => {
    await api.close();
  });

  it('is refused 429 with Retry-After after a few failures, for longer after each further one, until a key is accepted', async () => {
    for (let i = 0; i < 3; i += 1) {
      const refused = await ask(api, wrong);
      expect([refused.status, refused.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    // The third failure started a wait of 1 s: any key, even a valid one, is now held back unread.
    const held = await ask(api, wrong);
    expect([held.status, held.retryAfter, held.code]).toEqual([429, '1', 'TOO_MANY_REQUESTS']);
    expect(held.body.data ?? null).toBeNull();
    expect(held.body.errors?.[0]?.message).toMatch(/try again in 1 s/);
    expect(held.body.errors?.[0]?.extensions).toMatchObject({ retryAfterSeconds: 1, requestId: expect.any(String) });
    expect(held.body.errors?.[0]?.extensions).not.toHaveProperty('http');
    expect((await ask(api, valid)).status).toBe(429);
    expect((await ask(api, { 'x-api-key': WRONG })).status).toBe(429);
    // Requests without a key are not held back.
    expect((await ask(api, {})).status).toBe(200);

    // After the wait, one more refusal doubles it.
    await pause(1100);
    expect((await ask(api, wrong)).status).toBe(401);
    const longer = await ask(api, wrong);
    expect([longer.status, longer.retryAfter]).toEqual([429, '2']);

    // An accepted key forgives the past: the next wrong key is a plain 401 again, with no wait after it.
    await pause(2100);
    const accepted = await ask(api, valid);
    expect([accepted.status, accepted.body.errors]).toEqual([200, undefined]);
    expect((await ask(api, wrong)).status).toBe(401);
    expect((await ask(api, wrong)).status).toBe(401);
  }, 30_000);

  it('cannot escape the wait by claiming another address in X-Forwarded-For when no proxy is trusted', async () => {
    for (let i = 0; i < 5; i += 1) await ask(api, { ...wrong, 'x-forwarded-for': `203.0.113.${i}` });
    const held = await ask(api, { ...valid, 'x-forwarded-for': '198.51.100.7' });
    expect(held.status).toBe(429);
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ keyBackoff: BACKOFF, trustProxy: ['loopback'] });
  });
  afterAll(async () => {
    await api.close();
  });

  it('tells clients apart by the address the proxy forwards', async () => {
    const first = { ...wrong, 'x-forwarded-for': '203.0.113.1' };
    for (let i = 0; i < 3; i += 1) expect((await ask(api, first)).status).toBe(401);
    expect((await ask(api, first)).status).toBe(429);
    expect((await ask(api, { ...wrong, 'x-forwarded-for': '203.0.113.2' })).status).toBe(401);
  });
});

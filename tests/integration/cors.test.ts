import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../support/api.js';

// Cross-origin calls as browsers make them: a preflight (OPTIONS) first, then the POST.

const ALLOWED = 'http://localhost:3000';
const api = useSeededApi({ corsOrigins: [ALLOWED, 'https://app.example.org'] });

function preflight(origin: string, requestHeaders = 'authorization, content-type'): Promise<Response> {
  return fetch(`${api().baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

describe('CORS', () => {
  it('answers a preflight from an allowed origin with 204 and the allowed method and headers', async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const headers = response.headers.get('access-control-allow-headers')?.split(',') ?? [];
    expect(headers).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('answers a preflight from another origin with no Access-Control-Allow-Origin', async () => {
    const response = await preflight('http://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('marks the answer to an allowed origin’s POST, and exposes the request id', async () => {
    const response = await fetch(`${api().baseUrl}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ threatActor(id: "actor:apt31") { name } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(await response.json()).toEqual({ data: { threatActor: { name: 'APT31' } } });
  });

  it('keeps Apollo’s CSRF prevention for requests a browser sends without a preflight', async () => {
    // A form post from any page: text/plain needs no preflight, so the API must refuse it itself.
    const response = await fetch(`${api().baseUrl}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ health { nodeCount } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });
});

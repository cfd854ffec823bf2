import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { ManifestError, loadRegisteredOperations } from '../../src/http/persistedQueries.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { ThreatActorSponsorsDocument } from '../../examples/client/gql/graphql.js';
import { startTestApi, type TestApi } from '../support/api.js';

// Automatic persisted queries, the allow-list mode, and queries over GET with cache headers.

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const WHO_SPONSORS = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries/who-sponsors-apt31.graphql'), 'utf8');
const CLIENT_MANIFEST = path.join(PROJECT_ROOT, 'examples/client/gql/persisted-documents.json');

let apq: TestApi;
let allowlist: TestApi;
let clientAllowlist: TestApi;

beforeAll(async () => {
  apq = await startTestApi();
  await seedGraph(apq.db);
  allowlist = await startTestApi({ persistedQueries: 'allowlist' });
  clientAllowlist = await startTestApi({ persistedQueries: 'allowlist', persistedQueryManifests: [CLIENT_MANIFEST] });
});

afterAll(async () => {
  await Promise.all([apq?.close(), allowlist?.close(), clientAllowlist?.close()]);
});

async function post(api: TestApi, body: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const persisted = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

describe('automatic persisted queries (the default)', () => {
  it('asks for the text of an unknown hash, learns it, then runs the hash alone', async () => {
    const query = '{ threatActor(id: "actor:apt31") { name } }';
    const unknown = await post(apq, persisted(query));
    expect(unknown.json.errors[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    expect(unknown.json.errors[0].extensions.requestId).toEqual(expect.any(String));
    const registered = await post(apq, { query, ...persisted(query) });
    expect(registered.json).toEqual({ data: { threatActor: { name: 'APT31' } } });
    const byHash = await post(apq, persisted(query));
    expect(byHash.json).toEqual({ data: { threatActor: { name: 'APT31' } } });
  });

  it('refuses a hash that is not the text’s', async () => {
    const { json } = await post(apq, { query: '{ health { nodeCount } }', ...persisted('{ health { relationshipCount } }') });
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_HASH_MISMATCH' });
  });
});

describe('queries over GET', () => {
  const get = (
    api: TestApi,
    params: Record<string, string>,
    headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
  ) => fetch(`${api.baseUrl}/graphql?${new URLSearchParams(params)}`, { headers });

  it('answers a query with cache headers and an ETag, and 304 when it has not changed', async () => {
    const response = await get(apq, { query: '{ threatActor(id: "actor:apt31") { name } }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.json()).toEqual({ data: { threatActor: { name: 'APT31' } } });
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    // Through node:http: fetch turns a conditional request into a no-cache one.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const url = `${apq.baseUrl}/graphql?${new URLSearchParams({ query: '{ threatActor(id: "actor:apt31") { name } }' })}`;
      http
        .get(url, { headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag! } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('runs a persisted query by its hash alone, the form CDNs can cache', async () => {
    const query = '{ threatActor(id: "actor:apt31") { id } }';
    await post(apq, { query, ...persisted(query) });
    const response = await get(apq, { extensions: JSON.stringify(persisted(query).extensions) });
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await response.json()).toEqual({ data: { threatActor: { id: 'actor:apt31' } } });
  });

  it('caches answers to a key holder privately, and errors not at all', async () => {
    const reader = (await createApiKey(apq.db, 'get reader', 'reader')).key;
    const keyed = await get(
      apq,
      { query: '{ health { nodeCount } }' },
      { 'apollo-require-preflight': 'true', authorization: `Bearer ${reader}` },
    );
    expect(keyed.headers.get('cache-control')).toBe('private, max-age=60');
    const failed = await get(apq, { query: '{ threatActors(first: 0) { totalCount } }' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it('never runs a mutation', async () => {
    const response = await get(apq, { query: 'mutation { deleteEntity(id: "actor:apt31", reason: "GET") { id } }' });
    expect(response.status).toBe(405);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await apq.graphql('{ node(id: "actor:apt31") { id } }')).data).toEqual({ node: { id: 'actor:apt31' } });
  });

  it('keeps Apollo’s CSRF rule: a GET without a preflight header is refused', async () => {
    const response = await get(apq, { query: '{ health { nodeCount } }' }, {});
    expect(response.status).toBe(400);
  });

  it('leaves POST answers uncached', async () => {
    const response = await fetch(`${apq.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { nodeCount } }' }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the allow-list mode', () => {
  it('runs a registered operation of docs/queries, by its text (however formatted) or by its hash', async () => {
    const byText = await post(allowlist, { query: WHO_SPONSORS });
    expect(byText.json.errors).toBeUndefined();
    expect(byText.json.data.threatActor.name).toBe('APT31');
    const reformatted = await post(allowlist, { query: WHO_SPONSORS.replace(/^#.*$/gm, '').replace(/\s+/g, ' ') });
    expect(reformatted.json.data).toEqual(byText.json.data);
    const byHash = await post(allowlist, persisted(WHO_SPONSORS));
    expect(byHash.json.data).toEqual(byText.json.data);
  });

  it('refuses every other operation, introspection included, in the usual error shape', async () => {
    for (const query of ['{ health { nodeCount } }', '{ __schema { types { name } } }']) {
      const { status, json } = await post(allowlist, { query });
      expect(status).toBe(400);
      expect(json.data).toBeUndefined();
      expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_IN_LIST' });
      expect(json.errors[0].extensions.requestId).toEqual(expect.any(String));
    }
  });

  it('does not learn new operations through automatic persisted queries', async () => {
    const query = '{ health { relationshipCount } }';
    expect((await post(allowlist, { query, ...persisted(query) })).json.errors[0].extensions.reason).toBe(
      'PERSISTED_QUERY_NOT_IN_LIST',
    );
    expect((await post(allowlist, persisted(query))).json.errors[0].extensions.reason).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('takes a client’s persisted-documents.json: the client sends the hash alone, or its own text', async () => {
    const manifest = JSON.parse(fs.readFileSync(CLIENT_MANIFEST, 'utf8')) as Record<string, string>;
    const [id] = Object.entries(manifest).find(([, body]) => body.includes('ThreatActorSponsors'))!;
    const byId = await post(clientAllowlist, {
      variables: { name: 'APT31' },
      extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } },
    });
    expect(byId.json.data.threatActor.sponsors[0].node.name).toBe("People's Republic of China");
    const byText = await post(clientAllowlist, { query: ThreatActorSponsorsDocument.toString(), variables: { name: 'APT31' } });
    expect(byText.json.data).toEqual(byId.json.data);
    expect((await post(clientAllowlist, { query: WHO_SPONSORS })).json.errors[0].extensions.reason).toBe(
      'PERSISTED_QUERY_NOT_IN_LIST',
    );
  });

  it('refuses to start with a manifest it cannot read, naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"abc": "query {"}');
    expect(() => loadRegisteredOperations([broken])).toThrow(ManifestError);
    expect(() => loadRegisteredOperations([broken])).toThrow(/broken\.json/);
    expect(() => loadRegisteredOperations([path.join(dir, 'missing.json')])).toThrow(/missing\.json/);
    fs.rmSync(dir, { recursive: true });
  });
});

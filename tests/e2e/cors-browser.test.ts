import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// A web app on another origin calling the API from a real, headless Chromium: the page below is
// served from a port of its own and runs README's fetch example. The API allows one page server's
// origin (CORS_ORIGINS) and not the other's. The authorization header makes the browser send a
// preflight first (Chromium does not report preflights to playwright; tests/integration/cors.test.ts
// checks their answers).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app: it reads the API's URL and the key from its query string and writes what it got. */
const APP_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>front-end app</title></head>
<body><pre id="result">pending</pre>
<script type="module">
const params = new URLSearchParams(location.search);
const result = document.getElementById('result');
try {
  const response = await fetch(params.get('api'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + params.get('key') },
    body: JSON.stringify({
      query: 'query Actor($id: ID!) { threatActor(id: $id) { name sponsors { node { name } } } }',
      variables: { id: 'actor:apt31' },
    }),
  });
  result.textContent = JSON.stringify({ status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() });
} catch (error) {
  result.textContent = JSON.stringify({ failed: String(error) });
}
result.dataset.done = 'true';
</script></body></html>`;

function servePage(): Promise<{ origin: string; server: http.Server }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(APP_PAGE);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server });
    });
  });
}

let api: TestApi;
let allowedPage: { origin: string; server: http.Server };
let otherPage: { origin: string; server: http.Server };
let key: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  allowedPage = await servePage();
  otherPage = await servePage();
  api = await startTestApi({ corsOrigins: [allowedPage.origin] });
  await seedGraph(api.db);
  key = (await createApiKey(api.db, 'browser app', 'reader')).key;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'attribution-graph-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  allowedPage?.server.close();
  otherPage?.server.close();
  await api?.close();
});

async function runApp(origin: string): Promise<Record<string, any>> {
  const page = await context.newPage();
  const url = `${origin}/?api=${encodeURIComponent(`${api.baseUrl}/graphql`)}&key=${encodeURIComponent(key)}`;
  await page.goto(url);
  await page.locator('#result[data-done="true"]').waitFor({ timeout: 20_000 });
  const result = JSON.parse(await page.locator('#result').innerText()) as Record<string, any>;
  await page.close();
  return result;
}

describe('a web app on another origin', () => {
  it('calls the API with its key when its origin is allowed', async () => {
    const result = await runApp(allowedPage.origin);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      data: { threatActor: { name: 'APT31', sponsors: [{ node: { name: "People's Republic of China" } }] } },
    });
    // The header the API exposes: the id to quote when reporting a problem.
    expect(result.requestId).toMatch(/\S/);
  });

  it('is blocked by the browser when its origin is not allowed', async () => {
    const result = await runApp(otherPage.origin);
    expect(result.failed).toMatch(/Failed to fetch/);
    expect(result.body).toBeUndefined();
  });
});

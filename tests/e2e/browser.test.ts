import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// The playground and the graph view in a real, headless Chromium (Debian's package; no browser
// download), as an analyst would use them. Screenshots go to artifacts/ (git-ignored).

/** What web/explore/main.ts exposes for automation, as seen from the page (no DOM types here). */
declare const window: {
  explore: {
    nodeIds(): string[];
    edgeIds(): string[];
    pagePosition(id: string): { x: number; y: number } | null;
    tap(id: string): void;
  };
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(PROJECT_ROOT, 'artifacts');

let api: TestApi;
let context: BrowserContext;
let profile: string;
/** Every URL the pages asked for: all must be this API's, or the pages would fail offline. */
const requested: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  await seedGraph(api.db);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'attribution-graph-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.on('request', (request) => requested.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  await api?.close();
});

async function openPage(pathname: string): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${api.baseUrl}${pathname}`);
  expect(problems).toEqual([]);
  return page;
}

describe('the playground at /', () => {
  it('runs a traversal from the preloaded examples, with the schema documentation loaded', async () => {
    const page = await openPage('/');
    await page.locator('[data-example="nato-to-apt31-path"]').click();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toContain('"actor:apt31"');
    const text = await response.innerText();
    expect(text).toContain('"org:nato"');
    expect(text).toContain('"length": 3');
    // The editor draws only the lines in view and the paths come in no fixed order, so which
    // intermediate nodes show is not checked here; tests/integration/traversal-seed.test.ts does.
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });

    // The documentation explorer reads the schema by introspection: the traversals are there.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 10_000 }).toContain('neighborhood');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-docs.png') });
    await page.close();
  });
});

describe('the graph view at /explore', () => {
  it("starts from a search for APT31, expands a node on click, and shows a relationship's sources", async () => {
    const page = await openPage('/explore');
    await page.locator('#search-text').fill('APT31');
    await page.locator('#search button[type="submit"]').click();
    await page.locator('#results button[data-id="actor:apt31"]').click();

    const drawn = (): Promise<string[]> => page.evaluate(() => window.explore.nodeIds());
    await expect.poll(drawn, { timeout: 30_000 }).toContain('state:cn');
    expect(await drawn()).toEqual(
      expect.arrayContaining(['actor:apt31', 'state:cn', 'campaign:apt31-cz-mfa-2022', 'group:apt31-seven-charged-nationals']),
    );
    // NATO's statement is two steps away: not drawn until the campaign is expanded.
    expect(await drawn()).not.toContain('response:nato-solidarity-2025-05-28');

    // Click the campaign where it is drawn, as a person would.
    const campaign = await page.evaluate(() => window.explore.pagePosition('campaign:apt31-cz-mfa-2022'));
    await page.mouse.click(campaign!.x, campaign!.y);
    await expect.poll(drawn, { timeout: 30_000 }).toContain('response:nato-solidarity-2025-05-28');
    expect(await drawn()).toEqual(
      expect.arrayContaining(['response:eu-statement-2025-05-28', 'response:cz-mfa-condemnation-2025-05-28', 'org:cz-mfa']),
    );
    await expect
      .poll(() => page.locator('#details').innerText())
      .toContain('APT31 campaign against the Czech Ministry of Foreign Affairs');

    // Select the CONDUCTED_BY relationship: its claimant, confidence and quotes show beside the graph.
    const conducted = (await page.evaluate(() => window.explore.edgeIds())).find((id) =>
      id.startsWith('CONDUCTED_BY:campaign:apt31-cz-mfa-2022->actor:apt31'),
    );
    expect(conducted).toBeDefined();
    await page.evaluate((id) => window.explore.tap(id), conducted!);
    const details = await page.locator('#details').innerText();
    expect(details).toContain('Czech Republic');
    expect(details).toContain('high degree of certainty');
    expect(details).toContain('it was perpetrated by well-known China-backed hackers APT31');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explore.png') });
    await page.close();
  });

  it('loaded nothing from outside this API', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(api.baseUrl) && !url.startsWith('data:'))).toEqual([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { deleteSyntheticGraph, loadSyntheticGraph, syntheticGraphOptions } from '../../src/synthetic/generateGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// The graph view (/explore) driven in a headless Chromium as an analyst would: search, expand,
// move the date, filter, find a path, read the evidence, share the view, export it, and draw a
// thousand nodes. Each step leaves a screenshot in artifacts/graph-view-*.png.

/** What web/explore/main.ts exposes for automation, as seen from the page. */
declare const window: {
  explore: {
    nodeIds(): string[];
    edgeIds(): string[];
    lines(): Array<{ id: string; label: string; members: string[] }>;
    pagePosition(id: string): { x: number; y: number } | null;
    tap(id: string): void;
    positions(): Record<string, { x: number; y: number }>;
    labelCollisions(): Array<[string, string]>;
    visibleLabels(): number;
    measured(): { fetchMs: number; drawMs: number; drawnNodes: number; steps: Record<string, number> };
    idle(): Promise<void>;
  };
  sessionStorage: { getItem(key: string): string | null };
};
declare const document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> };

// Each test drives several round trips through a real Neo4j; on a machine shared with other work
// they take far longer than the default minute.
vi.setConfig({ testTimeout: 240_000 });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(PROJECT_ROOT, 'artifacts');
/** Synthetic entities of this file only: removed at the end, apart from other tests' `syn:` graph. */
const PREFIX = 'gv:';

let api: TestApi;
let lockedApi: TestApi;
let context: BrowserContext;
let profile: string;
let readerKey: string;

beforeAll(async () => {
  api = await startTestApi();
  await seedGraph(api.db);
  // A hub: technique 0 is used by all 1,050 actors, so its neighbourhood is cut at the API's 1,000.
  await loadSyntheticGraph(
    api.db,
    syntheticGraphOptions(1500, 3, {
      prefix: PREFIX,
      seed: 5,
      states: 10,
      organizations: 40,
      actors: 1050,
      techniques: 20,
      usesPerActor: 1,
      campaigns: 60,
      responses: 80,
    }),
  );
  readerKey = (await createApiKey(api.db, 'graph view test', 'reader')).key;
  lockedApi = await startTestApi({ requireKeyForReads: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'attribution-graph-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
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
});

afterAll(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  if (api) await deleteSyntheticGraph(api.db, PREFIX);
  await lockedApi?.close();
  await api?.close();
});

const problems: string[] = [];

async function openPage(url: string, base = api.baseUrl): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${base}${url}`);
  return page;
}

const idle = (page: Page): Promise<void> => page.evaluate(() => window.explore.idle());
const drawn = (page: Page): Promise<string[]> => page.evaluate(() => window.explore.nodeIds());
const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(ARTIFACTS, `graph-view-${name}.png`) });

/** Clicks a node where it is drawn, as a person would, and waits for what it starts. */
async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => window.explore.pagePosition(nodeId), id);
  expect(at, `${id} is drawn`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await idle(page);
}

async function searchAndOpen(page: Page, text: string, id: string): Promise<void> {
  await page.locator('#search-text').fill(text);
  await page.locator('#search button[type="submit"]').click();
  await page.locator(`#results button[data-id="${id}"]`).click();
  await idle(page);
}

describe('the graph view', () => {
  it('keeps what is drawn in place, merges parallel relationships under readable labels, and has a legend of shapes and colours', async () => {
    const page = await openPage('/explore');
    await searchAndOpen(page, 'APT31', 'actor:apt31');
    expect(await drawn(page)).toEqual(expect.arrayContaining(['actor:apt31', 'state:cn', 'campaign:apt31-cz-mfa-2022']));

    const before = await page.evaluate(() => window.explore.positions());
    await clickNode(page, 'campaign:apt31-cz-mfa-2022');
    expect(await drawn(page)).toContain('response:eu-statement-2025-05-28');
    const after = await page.evaluate(() => window.explore.positions());
    // Every node drawn before the expansion is exactly where it was.
    for (const [id, position] of Object.entries(before)) {
      expect(Math.hypot(after[id]!.x - position.x, after[id]!.y - position.y), id).toBeLessThan(0.5);
    }

    // The EU statement alludes to the PRC, expresses concern about it and, the source says, does not
    // name it, while the source reports it condemning China: one line with the four stances, although
    // the statement and the PRC were drawn from different expansions (the campaign's and APT31's).
    const lines = await page.evaluate(() => window.explore.lines());
    const euToChina = lines.find((line) => line.id === 'pair:response:eu-statement-2025-05-28|state:cn');
    expect(euToChina?.members).toHaveLength(4);
    for (const stance of ['alludes to', 'condemns', 'does not name', 'expresses concern about']) {
      expect(euToChina?.label).toContain(stance);
    }
    // No line reads as an enum.
    for (const line of lines) expect(line.label).toMatch(/^[a-z][a-z ·-]+$/);
    expect(lines.map((line) => line.label)).toEqual(expect.arrayContaining(['conducted by', 'names as responsible']));

    // The legend: a distinct shape and a distinct colour for each kind.
    const legend = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#legend .legend-item svg')).map((svg) => ({
        fill: svg.getAttribute('fill'),
        shape: (svg as unknown as { innerHTML: string }).innerHTML,
      })),
    );
    expect(legend.length).toBeGreaterThanOrEqual(8);
    expect(new Set(legend.map((item) => item.fill)).size).toBe(legend.length);
    expect(new Set(legend.map((item) => item.shape)).size).toBe(legend.length);

    // Hovering a node shows what it is.
    const response = await page.evaluate(() => window.explore.pagePosition('response:nato-solidarity-2025-05-28'));
    await page.mouse.move(response!.x, response!.y);
    await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
    const tip = await page.locator('#tooltip').innerText();
    expect(tip).toContain('NATO stands in solidarity with the Czech Republic');
    expect(tip).toContain('2025-05-28');
    await shot(page, 'layout');
    await page.close();
  });

  it('draws 50 nodes without two labels on top of each other', async () => {
    const page = await openPage(
      '/explore?e=actor:apt31,campaign:apt31-cz-mfa-2022,state:cn,state:cz,org:eu,org:nato,response:us-indictment-apt31-2024,gv:state:2*36',
    );
    await idle(page);
    const count = (await drawn(page)).length;
    expect(count).toBeGreaterThanOrEqual(50);
    expect(await page.evaluate(() => window.explore.labelCollisions())).toEqual([]);
    // Not by hiding them: most labels stay.
    expect(await page.evaluate(() => window.explore.visibleLabels())).toBeGreaterThanOrEqual(count * 0.8);
    await shot(page, '50-nodes');
    await page.close();
  });

  it("opens a response's stances with their quotes, a campaign's perpetrators, an actor's aliases and a state's attributions", async () => {
    const page = await openPage('/explore?e=actor:apt31,campaign:apt31-cz-mfa-2022');
    await idle(page);

    await clickNode(page, 'response:cz-attribution-2025-05-28');
    const response = page.locator('#details');
    await expect.poll(() => response.innerText()).toContain('Stances (2)');
    let text = await response.innerText();
    expect(text).toContain('2025-05-28');
    expect(text).toMatch(/Issued by\s+Czech Republic/);
    expect(text).toMatch(/Types\s+attribution/);
    expect(text).toContain('names as responsible');
    expect(text).toContain('it was perpetrated by well-known China-backed hackers APT31');
    expect(text).toContain(
      'The Government of the Czech Republic has identified the People’s Republic of China as being responsible',
    );
    expect(text).toContain('United Press International');
    await shot(page, 'response-quotes');

    await clickNode(page, 'response:eu-statement-2025-05-28');
    await expect.poll(() => response.innerText()).toContain('On behalf of');
    text = await response.innerText();
    expect(text).toMatch(/Issued by\s+Kaja Kallas/);
    expect(text).toMatch(/On behalf of\s+European Union/);
    expect(text).toContain('does not name');

    await clickNode(page, 'campaign:apt31-cz-mfa-2022');
    await expect.poll(() => response.innerText()).toContain('Perpetrators (1)');
    text = await response.innerText();
    expect(text).toMatch(/Started\s+2022/);
    expect(text).toMatch(/Disclosed\s+2025-05-28/);
    expect(text).toContain('Ministry of Foreign Affairs of the Czech Republic');
    expect(text).toMatch(/APT31 according to\s+Czech Republic/);
    // Who claims it, with the quote.
    await page.locator('#details .perpetrators summary').first().click();
    expect(await response.innerText()).toContain('it was perpetrated by well-known China-backed hackers APT31');

    await clickNode(page, 'actor:apt31');
    await expect.poll(() => response.innerText()).toContain('Aliases');
    text = await response.innerText();
    expect(text).toMatch(/Techniques\s+\d+/);
    expect(text).toContain("People's Republic of China");
    expect(text).toMatch(/given by/);

    // A state: who attributed what to it, and who named it or declined to.
    await clickNode(page, 'state:cn');
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toContain('Attributions to');
    text = await response.innerText();
    expect(text).toMatch(/Czech Republic\s+holds\s+People's Republic of China\s+responsible/);
    expect(text).toContain('Who named it, who did not');
    expect(text).toMatch(/NATO\s+did not name it/);
    await shot(page, 'state-attributions');
    await page.close();
  });

  it('shows what was known on a day: before 28 May 2025 the Czech attribution is gone, with all the article first reported', async () => {
    const page = await openPage('/explore');
    await searchAndOpen(page, 'APT31', 'actor:apt31');
    await clickNode(page, 'campaign:apt31-cz-mfa-2022');
    await page.evaluate(() => window.explore.tap('response:us-indictment-apt31-2024'));
    await idle(page);
    expect(await drawn(page)).toEqual(
      expect.arrayContaining(['response:cz-attribution-2025-05-28', 'response:us-indictment-apt31-2024', 'org:us-doj']),
    );

    await page.locator('#as-of').fill('2025-05-27');
    await page.locator('#as-of').dispatchEvent('change');
    await idle(page);
    const before = await drawn(page);
    expect(before).not.toContain('response:cz-attribution-2025-05-28');
    expect(before).not.toContain('actor:apt31');
    // The indictment of March 2024 is known to the graph only from the article of 28 May 2025.
    expect(before).not.toContain('response:us-indictment-apt31-2024');
    expect(page.url()).toContain('asOf=2025-05-27');
    expect(await page.locator('#status').innerText()).toContain('Not yet known on 2025-05-27');
    await shot(page, 'as-of-2025-05-27');

    // The slider moves the date too, and the graph follows it.
    const day = Math.round((Date.UTC(2025, 4, 28) - Date.UTC(2010, 0, 1)) / 86_400_000);
    await page.locator('#as-of-slider').fill(String(day));
    await expect.poll(() => page.locator('#as-of').inputValue()).toBe('2025-05-28');
    await expect.poll(() => drawn(page), { timeout: 30_000 }).toContain('response:cz-attribution-2025-05-28');
    await page.locator('#as-of-today').click();
    await idle(page);
    expect(page.url()).not.toContain('asOf=');
    await page.close();
  });

  it('filters by relationship type and confidence, and draws deeper', async () => {
    const page = await openPage('/explore?e=campaign:apt31-cz-mfa-2022');
    await idle(page);
    const lines = (): Promise<string[]> => page.evaluate(() => window.explore.lines().map((line) => line.label));
    expect(await lines()).toContain('conducted by');

    // Confidence at least 90: the Czech government's "high degree of certainty" (85) goes.
    await page.locator('#min-confidence').selectOption('90');
    await idle(page);
    expect(await lines()).not.toContain('conducted by');
    await page.locator('#min-confidence').selectOption('');
    await idle(page);

    // Only TARGETS and CONDUCTED_BY.
    await page.locator('#type-filter summary').click();
    await page.locator('#types-none').click();
    await page.locator('input[data-type="TARGETS"]').check();
    await page.locator('input[data-type="CONDUCTED_BY"]').check();
    await idle(page);
    expect(new Set(await lines())).toEqual(new Set(['targets', 'conducted by']));
    expect(page.url()).toContain('types=TARGETS,CONDUCTED_BY');
    await shot(page, 'type-filter');
    await page.locator('#types-all').click();
    await page.locator('#type-filter summary').click();
    await idle(page);

    const depthOne = (await drawn(page)).length;
    await page.locator('#depth').selectOption('2');
    await idle(page);
    expect((await drawn(page)).length).toBeGreaterThan(depthOne);
    expect(page.url()).toContain('depth=2');
    await page.close();
  });

  it('finds the path from the EU to APT31 in one action', async () => {
    const page = await openPage('/explore');
    await page.locator('#path-from').fill('EU');
    await page.locator('#path-to').fill('APT31');
    await page.locator('#path-find').click();
    await idle(page);
    const nodes = await drawn(page);
    expect(nodes).toEqual(expect.arrayContaining(['org:eu', 'actor:apt31', 'response:eu-statement-2025-05-28', 'state:cn']));
    const onPath = await page.evaluate(() =>
      window.explore.lines().filter((line) => line.members.some((id) => id.startsWith('SPONSORED_BY:actor:apt31'))),
    );
    expect(onPath).toHaveLength(1);
    const details = await page.locator('#details').innerText();
    expect(details).toContain('European Union → APT31');
    expect(details).toContain('Path 1: 3 steps');
    expect(page.url()).toContain('path=org:eu~actor:apt31');
    await shot(page, 'path-eu-apt31');
    await page.close();
  });

  it('links the timeline to the graph: an event selects its subject, a node marks its events', async () => {
    const page = await openPage('/explore?e=state:cn');
    await idle(page);
    await clickNode(page, 'state:cn');
    const row = page.locator('#timeline-events li[data-subject="response:cz-attribution-2025-05-28"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await page.locator('#timeline-title').innerText()).toContain("People's Republic of China");
    await row.click();
    await idle(page);
    await expect.poll(() => page.url()).toContain('sel=response:cz-attribution-2025-05-28');
    await expect.poll(() => page.locator('#details h2').first().innerText()).toContain('Czech government attributes');
    expect(await row.getAttribute('class')).toContain('current');
    // An event whose subject is not drawn draws it.
    const far = page.locator('#timeline-events li[data-subject="response:us-indictment-apt31-2024"]');
    await far.click();
    await idle(page);
    expect(await drawn(page)).toContain('response:us-indictment-apt31-2024');
    await shot(page, 'timeline');
    await page.close();
  });

  it('keeps the view in its URL: a reload gives the same view', async () => {
    const page = await openPage('/explore');
    await searchAndOpen(page, 'Czech Republic', 'state:cz');
    await clickNode(page, 'response:cz-attribution-2025-05-28');
    await page.locator('#depth').selectOption('2');
    await idle(page);
    await page.locator('#as-of').fill('2025-06-01');
    await page.locator('#as-of').dispatchEvent('change');
    await idle(page);
    const url = page.url();
    expect(url).toContain('e=state:cz,response:cz-attribution-2025-05-28');
    expect(url).toContain('asOf=2025-06-01');
    expect(url).toContain('depth=2');
    expect(url).toContain('sel=response:cz-attribution-2025-05-28');
    const nodes = (await drawn(page)).sort();

    const shared = await openPage(url.slice(api.baseUrl.length));
    await idle(shared);
    expect((await drawn(shared)).sort()).toEqual(nodes);
    expect(await shared.locator('#as-of').inputValue()).toBe('2025-06-01');
    expect(await shared.locator('#depth').inputValue()).toBe('2');
    await expect.poll(() => shared.locator('#details h2').first().innerText()).toContain('Czech government attributes');
    expect(shared.url()).toBe(url);
    await shot(shared, 'shared-url');
    await shared.close();
    await page.close();
  });

  it('exports the picture, the drawn graph as JSON, and the selection as STIX', async () => {
    const page = await openPage('/explore?e=actor:apt31');
    await idle(page);
    const save = async (button: string): Promise<Buffer> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      return fs.readFileSync((await download.path())!);
    };
    const png = await save('#export-png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const json = JSON.parse((await save('#export-json')).toString()) as { nodes: Array<{ id: string }>; view: string };
    expect(json.nodes.map((node) => node.id).sort()).toEqual((await drawn(page)).sort());
    expect(json.view).toContain('e=actor:apt31');

    // exportStix is a read like any other: with nothing selected it saves everything drawn.
    const everything = JSON.parse((await save('#export-stix')).toString()) as { type: string };
    expect(everything.type).toBe('bundle');
    expect(await page.locator('#status').innerText()).toContain('(everything drawn)');
    await page.evaluate(() => window.explore.tap('actor:apt31'));
    await idle(page);
    const stix = JSON.parse((await save('#export-stix')).toString()) as {
      type: string;
      objects: Array<{ type: string; name?: string }>;
    };
    expect(stix.type).toBe('bundle');
    expect(stix.objects.some((object) => object.type === 'threat-actor' && object.name === 'APT31')).toBe(true);
    expect(await page.locator('#status').innerText()).toContain('(the selection)');
    await page.close();
  });

  it('sends the API key of the session, on a server where reads need one, from the graph view and the playground', async () => {
    const page = await openPage('/explore', lockedApi.baseUrl);
    await page.locator('#search-text').fill('APT31');
    await page.locator('#search button[type="submit"]').click();
    await expect.poll(() => page.locator('#status').innerText()).toContain('API key');

    await page.locator('#api-key').fill(readerKey);
    await page.locator('#api-key').dispatchEvent('change');
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.headers()['authorization'] ?? '');
    });
    await searchAndOpen(page, 'APT31', 'actor:apt31');
    expect(await drawn(page)).toContain('state:cn');
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([`Bearer ${readerKey}`]));
    // Kept for the session: a reload still has it, the page keeps it nowhere else.
    expect(await page.evaluate(() => window.sessionStorage.getItem('attribution-graph.api-key'))).toBe(readerKey);
    await page.reload();
    await idle(page);
    expect(await page.locator('#api-key').inputValue()).toBe(readerKey);
    expect(await drawn(page)).toContain('state:cn');

    // The playground, in the same tab: the key is there and goes with the query.
    await page.goto(`${lockedApi.baseUrl}/`);
    await page.locator('[data-example="nato-to-apt31-path"]').click();
    expect(await page.locator('#api-key').inputValue()).toBe(readerKey);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 }).toContain('"actor:apt31"');
    expect(sent.at(-1)).toBe(`Bearer ${readerKey}`);

    // With the Examples panel open, the query editor is the widest pane.
    const widths = await page.evaluate(() => {
      const width = (selector: string): number =>
        (
          document.querySelectorAll(selector)[0] as unknown as { getBoundingClientRect(): { width: number } }
        ).getBoundingClientRect().width;
      return {
        examples: width('.graphiql-plugin'),
        editor: width('.graphiql-query-editor'),
        response: width('.graphiql-response'),
      };
    });
    expect(widths.editor).toBeGreaterThan(widths.response * 1.3);
    expect(widths.editor).toBeGreaterThan(widths.examples * 1.5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph-view-playground-key.png') });
    await page.close();
  });

  it('expands a hub 200 at a time, then draws 1,000 nodes in at most a second', async () => {
    const page = await openPage('/explore');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async (): Promise<number> =>
      (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value;

    await page.goto(`${api.baseUrl}/explore?e=${PREFIX}technique:0`);
    await idle(page);
    expect(await drawn(page)).toHaveLength(201);
    const bar = page.locator('#expansions');
    expect(await bar.innerText()).toContain('showing 200 of 999+ neighbours');
    await bar.locator('button[data-action="load-more"]').click();
    await idle(page);
    expect(await drawn(page)).toHaveLength(401);
    expect(page.url()).toContain(`e=${PREFIX}technique:0*400`);

    const cpuBefore = await threadTime();
    await bar.locator('button[data-action="load-all"]').click();
    await idle(page);
    const cpuSeconds = (await threadTime()) - cpuBefore;
    const measured = await page.evaluate(() => window.explore.measured());
    expect(measured.drawnNodes).toBe(1000);
    await shot(page, '1000-nodes');

    // Drawing: from the answer in hand to the frame painted. On a machine busier than its cores,
    // wall time measures the other processes, so the page's own CPU time is what is held to 1 s there.
    const load = os.loadavg()[0]! / os.cpus().length;
    console.log(
      `1,000 nodes: drawn in ${measured.drawMs.toFixed(0)} ms wall (steps ${JSON.stringify(measured.steps, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}), ` +
        `${(cpuSeconds * 1000).toFixed(0)} ms main-thread CPU, load ${load.toFixed(1)} per core`,
    );
    expect(cpuSeconds).toBeLessThanOrEqual(1);
    if (load < 1) expect(measured.drawMs).toBeLessThanOrEqual(1000);

    // Still responsive: a node among the thousand opens its panel.
    await page.evaluate((id) => window.explore.tap(id), `${PREFIX}actor:7`);
    await idle(page);
    await expect.poll(() => page.locator('#details h2').first().innerText()).toContain('Synthetic actor 7');
    await page.close();
  });

  it('raised no error in the pages', () => {
    expect(problems).toEqual([]);
  });
});

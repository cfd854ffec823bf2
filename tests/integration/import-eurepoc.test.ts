import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { PROJECT_ROOT } from '../../src/config.js';
import type {
  EurepocAttributionsPerStateAndYearQuery,
  EurepocResponsesAndTimeToAttributionQuery,
  EurepocWhoAttributesToWhomQuery,
} from '../../src/generated/operations.js';
import { importData, type ImportReport } from '../../src/ingest/importData.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { ChangesetError } from '../../src/write/changeset.js';
import { startTestApi, type TestApi } from '../support/api.js';

// The EuRepoC import through the import path: our messy fixture and the real EuRepoC Global
// Database 1.1 into a graph holding the seed; atomic, idempotent, with the progress display of
// scripts/import.ts; and the responseStatistics figures checked against counts this test makes
// from the CSV itself.
const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/eurepoc/eurepoc-messy.csv');
const REAL = path.join(PROJECT_ROOT, '../shared/data/eurepoc/EuRepoC_Global_Database_1.1.csv');
const hasReal = fs.existsSync(REAL);

let api: TestApi;
type Props = Record<string, unknown>;

async function counts(): Promise<{ nodeCount: number; relationshipCount: number }> {
  const [row] = await api.db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
  return row!;
}
async function entity(id: string): Promise<Props | undefined> {
  const [row] = await api.db.read<{ props: Props }>('export/entities-by-id', { ids: [id] });
  return row?.props;
}
async function relationshipsFrom(id: string): Promise<Array<{ type: string; to: string; props: Props }>> {
  return api.db.read('export/relationships-from', { ids: [id] });
}
const nothingWritten = (report: ImportReport): boolean =>
  [...Object.values(report.apply.entities), ...Object.values(report.apply.relationships)].every(
    (c) => c.created === 0 && c.updated === 0,
  );
const ask = async <T>(file: string, variables: Record<string, unknown>): Promise<T> => {
  const query = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries', file), 'utf8');
  const { data, errors } = await api.graphql<T>(query, variables);
  expect(errors).toBeUndefined();
  return data!;
};

beforeAll(async () => {
  api = await startTestApi();
  await api.db.autoCommit('admin/delete-all');
  await seedGraph(api.db);
});
afterAll(async () => {
  // Other test files expect the seed alone.
  await api.db.autoCommit('admin/delete-all');
  await seedGraph(api.db);
  await api.close();
});

describe('importing the EuRepoC fixture', () => {
  let report: ImportReport;

  it('maps incidents, receivers, initiators and responses, citing EuRepoC 1.1 and the row URLs', async () => {
    report = await importData(api.db, { name: 'eurepoc-messy.csv', bytes: fs.readFileSync(FIXTURE) });
    expect(report).toMatchObject({ format: 'EuRepoC CSV', objects: 7, unchanged: false });
    expect(report.apply.entities.Campaign).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(report.apply.entities.Response!.created).toBe(10);
    // The initiator lands on the seed's APT31 by its names.
    expect(report.merges).toContainEqual(
      expect.objectContaining({ object: 'eurepoc:actor:apt31', into: 'actor:apt31', matchedNames: ['APT31'] }),
    );
    expect(report.anomalies.map((a) => a.kind)).toContain(
      'number_of_attributions disagrees with the attributions listed (the lists are trusted)',
    );
    const source = await entity(report.source!.id);
    expect(source).toMatchObject({
      kind: 'Source',
      name: 'EuRepoC Global Dataset 1.1',
      version: '1.1',
      doi: '10.5281/zenodo.7848941',
      publishedPrecision: 'MONTH',
    });
    const campaign = (await entity('campaign:eurepoc:999901'))!;
    expect(campaign.citeSources).toEqual([
      report.source!.id,
      expect.stringMatching(/^source:web:/),
      expect.stringMatching(/^source:web:/),
    ]);
    expect(campaign).toMatchObject({ startedPrecision: 'DAY', endedPrecision: 'DAY', zeroDays: 'No' });
    const attribution = await relationshipsFrom('response:eurepoc:999901:attribution:1');
    expect(attribution.map((r) => `${r.type} ${r.to}`).sort()).toEqual([
      'CONCERNS campaign:eurepoc:999901',
      'ISSUED_BY org:eurepoc:ministryofforeignaffairsczechrepublic',
      'ON_BEHALF_OF state:cz',
      'REFERS_TO actor:apt31',
      'REFERS_TO state:cn',
    ]);
    // EuRepoC's coding of the initiator's country stays its claim on CONDUCTED_BY: no sponsorship.
    const conducted = (await relationshipsFrom('campaign:eurepoc:999901')).find((r) => r.type === 'CONDUCTED_BY')!;
    expect(conducted).toMatchObject({ to: 'actor:apt31', props: { claimedBy: 'org:eurepoc', initiatorCountry: ['China'] } });
    const sponsorships = (await relationshipsFrom('actor:apt31')).filter((r) => r.type === 'SPONSORED_BY');
    expect(sponsorships.every((r) => !(r.props.citeSources as string[]).includes(report.source!.id))).toBe(true);
  });

  it('answers over GraphQL: an undated attribution with no named issuer has null date and issuer', async () => {
    const { data, errors } = await api.graphql<{ response: Props }>(
      '{ response(id: "response:eurepoc:999903:attribution:2") { types date { text } issuer { id } stances { stance target { id } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.response).toMatchObject({ types: ['ATTRIBUTION'], date: null, issuer: null });
  });

  it('changes nothing when imported again, here through importBundle', async () => {
    const editor = (await createApiKey(api.db, 'eurepoc test editor', 'editor')).key;
    const before = await counts();
    const { data, errors } = await api.graphql<{ importBundle: Props }>(
      'mutation ($content: String!) { importBundle(content: $content, format: EUREPOC) { unchanged format anomalies { kind count records } entities { name created updated } } }',
      { content: fs.readFileSync(FIXTURE, 'utf8') },
      { authorization: `Bearer ${editor}` },
    );
    expect(errors).toBeUndefined();
    // Other bytes' name, same content: the same Source, nothing written.
    expect(data!.importBundle).toMatchObject({ unchanged: true, format: 'EuRepoC CSV' });
    expect(data!.importBundle.anomalies).toContainEqual({
      kind: 'repeated row, identical to an earlier one (read once)',
      count: 1,
      records: ['999902'],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed file as a whole: nothing is written', async () => {
    const before = await counts();
    const bad = fs.readFileSync(FIXTURE, 'utf8').replace('999901,Fictional', '999901,Changed').replace("]],['Russia'],", "]],['Russia',"); // prettier-ignore
    await expect(importData(api.db, { name: 'bad.csv', bytes: Buffer.from(bad) })).rejects.toThrow(ChangesetError);
    expect(await counts()).toEqual(before);
    expect((await entity('campaign:eurepoc:999901'))!.name).toBe('Fictional APT31 campaign against a foreign ministry');
  });

  it('draws its progress through npm run import and prints the summary', async () => {
    const neo4j = inject('neo4j');
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/import.ts', FIXTURE], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
    });
    expect(stdout).toMatch(/eurepoc-messy\.csv \d[\d,]*\/\d[\d,]* items/);
    expect(stdout).toMatch(/EuRepoC CSV, 7 objects\): no change/);
    expect(stdout).toMatch(/Campaign\s+created\s+0\s+updated\s+0\s+unchanged\s+5/);
    expect(stdout).toMatch(/data anomalies handled/);
  }, 120_000);
});

/** The figures this test expects, counted from the CSV with its own simple reading of the columns. */
function figuresFromCsv(text: string) {
  const rows = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
  const missing = (v: string | undefined): boolean =>
    v === undefined || ['', 'not available', 'unknown', 'none', 'nan', 'nat'].includes(v.trim().toLowerCase());
  const items = (v: string): string[] => (v.trim() === '' ? [] : v.split(';').map((s) => s.trim()));
  const perYear = new Map<string, number>();
  const pairs = new Map<string, number>();
  const accusedRows = new Map<string, { incidents: number; political: number; legal: number; days: number[] }>();
  for (const row of rows) {
    const accused = items(row.attributed_initiator_country!);
    const dates = items(row.attribution_date!);
    const attributors = items(row.attributing_country!);
    const firstDate = new Map<string, string>();
    const states = new Set<string>();
    accused.forEach((country, i) => {
      if (missing(country)) return;
      const date = /^\d{4}-\d{2}-\d{2}/.exec(dates[i] ?? '')?.[0] ?? null;
      const yearKey = `${country}|${date === null ? 'null' : date.slice(0, 4)}`;
      perYear.set(yearKey, (perYear.get(yearKey) ?? 0) + 1);
      if (!missing(attributors[i]))
        pairs.set(`${attributors[i]}|${country}`, (pairs.get(`${attributors[i]}|${country}`) ?? 0) + 1);
      states.add(country);
      if (date !== null && (firstDate.get(country) ?? '9999') > date) firstDate.set(country, date);
    });
    const listed = (prefix: string): boolean =>
      ['date', 'type', 'type_subcode', 'country', 'actor'].some((c) =>
        items(row[`${prefix}_${c}`] ?? '').some((v) => !missing(v)),
      );
    const start = /^\d{4}-\d{2}-\d{2}$/.exec(row.start_date ?? '')?.[0] ?? null;
    for (const country of states) {
      const entry = accusedRows.get(country) ?? { incidents: 0, political: 0, legal: 0, days: [] };
      entry.incidents += 1;
      if (listed('political_response')) entry.political += 1;
      if (listed('legal_response')) entry.legal += 1;
      const first = firstDate.get(country);
      if (start !== null && first !== undefined) entry.days.push((Date.parse(first) - Date.parse(start)) / 86_400_000);
      accusedRows.set(country, entry);
    }
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  return { rows, perYear, pairs, accusedRows, median };
}

describe.runIf(hasReal)('importing the real EuRepoC Global Database 1.1', () => {
  let report: ImportReport;
  const STATES: Record<string, string> = {
    China: 'state:cn',
    Russia: 'state:ru',
    'Iran, Islamic Republic of': 'state:ir',
    "Korea, Democratic People's Republic of": 'state:kp',
    'United States': 'state:us',
    'United Kingdom': 'state:gb',
  };
  const csv = hasReal ? figuresFromCsv(fs.readFileSync(REAL, 'utf8')) : null;

  it('imports every incident in one transaction and lands the APT31 incidents on the seed APT31', async () => {
    report = await importData(api.db, { name: path.basename(REAL), bytes: fs.readFileSync(REAL) });
    expect(report).toMatchObject({ objects: 1643, unchanged: false });
    expect(report.apply.entities.Campaign!.created).toBe(1643);
    const apt31Incidents = csv!.rows.filter((row) => /APT31\//.test(row.initiator_name!)).map((row) => row.ID!);
    expect(apt31Incidents.length).toBeGreaterThan(0);
    for (const id of apt31Incidents) {
      const conducted = (await relationshipsFrom(`campaign:eurepoc:${id}`)).filter((r) => r.type === 'CONDUCTED_BY');
      expect(
        conducted.map((r) => r.to),
        `incident ${id}`,
      ).toContain('actor:apt31');
    }
  }, 600_000);

  it('changes nothing when imported again', async () => {
    const again = await importData(api.db, { name: path.basename(REAL), bytes: fs.readFileSync(REAL) });
    expect(again.unchanged).toBe(true);
    expect(nothingWritten(again)).toBe(true);
    // Plan each statistics statement once with a generous timeout, so that the API's 10 s bound
    // below measures answering, not query planning on a machine shared with other test runs.
    for (const name of [
      'attributions-per-accused-state-year',
      'attributor-accused-pairs',
      'response-share-by-accused-state',
      'time-to-first-attribution',
    ]) {
      await api.db.read(`statistics/${name}`, { asOf: null, source: null, namesOnly: true }, { timeoutMs: 300_000 });
    }
  }, 900_000);

  it('answers attributions per accused state and year as the CSV counts them', async () => {
    const data = await ask<EurepocAttributionsPerStateAndYearQuery>('eurepoc-attributions-per-state-and-year.graphql', {
      sourceId: report.source!.id,
    });
    const got = new Map(
      data.responseStatistics.attributionsPerYear.map((r) => [`${r.accused.id}|${r.year ?? 'null'}`, r.attributions]),
    );
    let compared = 0;
    for (const [key, expected] of csv!.perYear) {
      const [country, year] = key.split('|') as [string, string];
      if (STATES[country] === undefined) continue;
      expect(got.get(`${STATES[country]}|${year}`), key).toBe(expected);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('answers who attributes to whom as the CSV counts it', async () => {
    const data = await ask<EurepocWhoAttributesToWhomQuery>('eurepoc-who-attributes-to-whom.graphql', {
      sourceId: report.source!.id,
    });
    const got = new Map(
      data.responseStatistics.attributorAccused.map((r) => [`${r.attributor.id}|${r.accused.id}`, r.attributions]),
    );
    for (const [attributor, accused] of [
      ['United States', 'China'],
      ['United States', 'Russia'],
      ['United Kingdom', 'Russia'],
      ['United States', "Korea, Democratic People's Republic of"],
    ] as const) {
      const expected = csv!.pairs.get(`${attributor}|${accused}`);
      expect(expected, `${attributor} → ${accused}`).toBeGreaterThan(0);
      expect(got.get(`${STATES[attributor]}|${STATES[accused]}`), `${attributor} → ${accused}`).toBe(expected);
    }
    // States asked beyond their names are read whole, and the figures are the same.
    type State = { id: string; isoCode: string | null; citations: unknown[] };
    const whole = await api.graphql<{
      responseStatistics: { attributorAccused: Array<{ attributor: State; accused: State; attributions: number }> };
    }>(
      `query ($sourceId: ID!) { responseStatistics(sourceId: $sourceId) {
        attributorAccused { attributor { id isoCode citations { quote } } accused { id isoCode } attributions } } }`,
      { sourceId: report.source!.id },
    );
    expect(whole.errors).toBeUndefined();
    const pairs = whole.data!.responseStatistics.attributorAccused;
    expect(new Map(pairs.map((r) => [`${r.attributor.id}|${r.accused.id}`, r.attributions]))).toEqual(got);
    expect(pairs.find((r) => r.attributor.id === STATES['United States'])!.attributor.isoCode).toBe('US');
    expect(pairs[0]!.attributor.citations.length).toBeGreaterThan(0);
  });

  it('answers the share of incidents with a response and the median time to attribution as the CSV gives them', async () => {
    const data = await ask<EurepocResponsesAndTimeToAttributionQuery>('eurepoc-responses-and-time-to-attribution.graphql', {
      sourceId: report.source!.id,
    });
    for (const country of ['China', 'Russia', 'Iran, Islamic Republic of', "Korea, Democratic People's Republic of"]) {
      const expected = csv!.accusedRows.get(country)!;
      const share = data.responseStatistics.responseShare.find((r) => r.accused.id === STATES[country])!;
      expect(share, country).toMatchObject({
        incidents: expected.incidents,
        political: expected.political,
        legal: expected.legal,
      });
      const time = data.responseStatistics.timeToFirstAttribution.find((r) => r.accused.id === STATES[country])!;
      expect(time.incidents, country).toBe(expected.days.length);
      expect(time.medianDays, country).toBe(csv!.median(expected.days));
    }
  });

  it('answers as of a day: nothing before EuRepoC 1.1 was published (April 2023)', async () => {
    const data = await ask<EurepocAttributionsPerStateAndYearQuery>('eurepoc-attributions-per-state-and-year.graphql', {
      sourceId: report.source!.id,
      asOf: '2023-03-31',
    });
    expect(data.responseStatistics).toEqual({ asOf: '2023-03-31', attributionsPerYear: [] });
  });
});

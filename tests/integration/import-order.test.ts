import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { importData, type ImportInput } from '../../src/ingest/importData.js';
import { formatImportReport } from '../../src/ingest/report.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { useSeededApi } from '../support/api.js';
import { resolutionDump } from '../support/graphDump.js';

// The shared data (ATT&CK Enterprise and Mobile, the MISP threat-actor and Tidal groups clusters,
// EuRepoC) after the seed in two orders, and in a third with the seed last: the same actors,
// aliases, external ids and claims; APT31 one actor under all its names and its ATT&CK id;
// re-imports change nothing.
//
// To keep the run short, Enterprise is cut to what resolution is about: its actors, campaigns,
// software and techniques and the relationships from actors and campaigns (not the analytics,
// detection strategies and data components, nor their 10,000 relationships). The cut is the same
// bytes in both orders, so it is one Source.
const api = useSeededApi();
// Other test files expect the seed alone (hooks after tests run last-registered first: before the API closes).
afterAll(async () => {
  await api().db.autoCommit('admin/delete-all');
  await seedGraph(api().db);
});
const DATA = path.resolve(PROJECT_ROOT, '../shared/data');
const KEPT_TYPES = new Set(['identity', 'marking-definition', 'intrusion-set', 'campaign', 'malware', 'tool', 'attack-pattern']);

function enterpriseCut(): ImportInput {
  const bundle = JSON.parse(
    gunzipSync(fs.readFileSync(path.join(DATA, 'attack/enterprise-attack-18.1.json.gz'))).toString('utf8'),
  ) as { objects: Array<Record<string, unknown>> };
  const objects = bundle.objects.filter(
    (object) =>
      KEPT_TYPES.has(String(object.type)) ||
      (object.type === 'relationship' && /^(intrusion-set|campaign)--/.test(String(object.source_ref))),
  );
  return { name: 'enterprise-attack-18.1-cut.json', bytes: Buffer.from(JSON.stringify({ ...bundle, objects })) };
}

const file = (relative: string): ImportInput => ({
  name: path.basename(relative),
  bytes: fs.readFileSync(path.join(DATA, relative)),
});

const FILES: Record<string, () => ImportInput> = {
  enterprise: enterpriseCut,
  mobile: () => file('attack/mobile-attack-17.0.json.gz'),
  threatActor: () => file('misp-galaxy/threat-actor.json'),
  tidal: () => file('misp-galaxy/tidal-groups.json'),
  eurepoc: () => file('eurepoc/EuRepoC_Global_Database_1.1.csv'),
};
const NAMES = ['APT31', 'APT 31', 'ZIRCONIUM', 'Violet Typhoon', 'JUDGMENT PANDA', 'BRONZE VINEWOOD', 'TA412', 'G0128'];

async function importAll(order: string[], seed: 'first' | 'last' = 'first'): Promise<void> {
  await api().db.autoCommit('admin/delete-all');
  if (seed === 'first') await seedGraph(api().db);
  for (const name of order) await importData(api().db, FILES[name]!());
  if (seed === 'last') await seedGraph(api().db);
}

async function expectOneApt31(): Promise<void> {
  for (const name of NAMES) {
    const found = await api().graphql<{
      lookup: Array<{ id: string }>;
      threatActor: { id: string; description: string; uses: unknown[]; sponsors: Array<{ node: { id: string } }> };
      search: Array<{ entity: { id: string } }>;
    }>(
      `query ($name: String!) {
        lookup(name: $name, kinds: [ThreatActor]) { id }
        threatActor(name: $name) { id description uses { __typename } sponsors { node { id } } }
        search(text: $name, kinds: [ThreatActor], first: 20) { entity { id } }
      }`,
      { name },
    );
    expect(found.errors, name).toBeUndefined();
    expect(
      found.data!.lookup.map((row) => row.id),
      name,
    ).toEqual(['actor:apt31']);
    expect(found.data!.threatActor.id, name).toBe('actor:apt31');
    // Multi-word names rank by each word (OR), and many actors are a "PANDA" or a "Typhoon".
    if (!name.includes(' '))
      expect(
        found.data!.search.map((hit) => hit.entity.id),
        name,
      ).toContain('actor:apt31');
    // ATT&CK's techniques and the seed's own facts on the one actor.
    expect(found.data!.threatActor.uses.length, name).toBeGreaterThan(20);
    expect(found.data!.threatActor.description, name).toMatch(/^Advanced Persistent Threat Group 31/);
    expect(
      found.data!.threatActor.sponsors.map((link) => link.node.id),
      name,
    ).toContain('state:cn');
  }
}

/** Every file imported again changes nothing; on failure, the message shows what the re-import wrote. */
async function expectReimportsUnchanged(): Promise<void> {
  for (const name of Object.keys(FILES)) {
    const again = await importData(api().db, FILES[name]!());
    expect(again.unchanged, `${name}: ${formatImportReport(again)}`).toBe(true);
  }
}

/**
 * The same actors, external ids, aliases and claims (POSSIBLY_SAME_AS included), line for line; on
 * failure, the lines of each order that the other lacks.
 */
function expectSameDump(first: string[], other: string[]): void {
  expect({
    onlyFirst: first.filter((line) => !other.includes(line)),
    onlyOther: other.filter((line) => !first.includes(line)),
  }).toEqual({ onlyFirst: [], onlyOther: [] });
}

describe('importing the shared data in several orders', () => {
  let first: string[] = [];
  // Search ranks by words (OR), also in other actors' descriptions ("Typhoon" is many actors'): the
  // actor is among the first 20 hits; lookup and threatActor(name:) find it alone.

  it('enterprise, mobile, threat-actor, tidal, EuRepoC: APT31 is one actor; re-imports change nothing', async () => {
    await importAll(['enterprise', 'mobile', 'threatActor', 'tidal', 'eurepoc']);
    first = await resolutionDump(api().db);
    await expectOneApt31();
    await expectReimportsUnchanged();
    expect(await resolutionDump(api().db)).toEqual(first);
  }, 1_800_000);

  it('EuRepoC, tidal, threat-actor, mobile, enterprise: the same graph, APT31 alike', async () => {
    await importAll(['eurepoc', 'tidal', 'threatActor', 'mobile', 'enterprise']);
    const second = await resolutionDump(api().db);
    await expectOneApt31();
    expectSameDump(first, second);
    expect(second.length).toBe(first.length);
    await expectReimportsUnchanged();
  }, 1_800_000);

  it('tidal, enterprise, EuRepoC, mobile, threat-actor, then the seed: the same graph at once', async () => {
    // Loading the seed reconciles the actors as an import does: its APT31 joins ATT&CK's and MISP's
    // then, not at the next import.
    await importAll(['tidal', 'enterprise', 'eurepoc', 'mobile', 'threatActor'], 'last');
    const third = await resolutionDump(api().db);
    await expectOneApt31();
    expectSameDump(first, third);
    await expectReimportsUnchanged();
  }, 1_800_000);
});

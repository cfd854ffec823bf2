import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { importData } from '../../src/ingest/importData.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// Imports of small STIX 2.1 and MISP fixtures of our own: mapping, the cautious alias match
// (POSSIBLY_SAME_AS instead of a merge), refusals that write nothing, versions, the GraphQL mutation.
let api: TestApi;
const fixture = (name: string): Buffer => fs.readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/import', name));
const stix = (): { objects: Array<Record<string, unknown>> } => JSON.parse(fixture('stix21-small.json').toString('utf8'));
const bytes = (document: unknown): Buffer => Buffer.from(JSON.stringify(document));

type Props = Record<string, unknown>;

async function counts(): Promise<{ nodeCount: number; relationshipCount: number }> {
  const [row] = await api.db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
  return row!;
}

async function entity(id: string): Promise<Props | undefined> {
  const [row] = await api.db.read<{ props: Props }>('export/entities-by-id', { ids: [id] });
  return row?.props;
}

async function relationshipsFrom(id: string): Promise<Array<{ type: string; from: string; to: string; props: Props }>> {
  return api.db.read('export/relationships-from', { ids: [id] });
}

beforeAll(async () => {
  api = await startTestApi();
  await api.db.autoCommit('admin/delete-all');
  await seedGraph(api.db);
});
afterAll(async () => {
  // Other test files expect the seed.
  await api.db.autoCommit('admin/delete-all');
  await seedGraph(api.db);
  await api.close();
});

describe('importing a STIX 2.1 bundle', () => {
  it('writes every object, cites the file as a Source, and a second import changes nothing', async () => {
    const report = await importData(api.db, { name: 'stix21-small.json', bytes: fixture('stix21-small.json') });
    expect(report.unchanged).toBe(false);
    expect(report.format).toBe('STIX 2.1');
    expect(report.apply.entities.ThreatActor).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.apply.relationships.USES).toEqual({ created: 2, updated: 0, unchanged: 0 });
    // The report cites an indicator that is in neither the file nor the graph: skipped, with a warning.
    expect(report.warnings.join('\n')).toMatch(
      /1 OBJECT_REF reference\(s\) to objects in neither the file nor the graph were skipped/,
    );
    const source = await entity(report.source!.id);
    expect(source).toMatchObject({
      kind: 'Source',
      sourceType: 'DATASET',
      format: 'STIX 2.1',
      sha256: report.source!.sha256,
      fileName: 'stix21-small.json',
    });
    const alpha = await entity('intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6');
    expect(alpha).toMatchObject({ kind: 'ThreatActor', name: 'Alpha Bear', confidence: 70, citeSources: [report.source!.id] });
    const again = await importData(api.db, { name: 'stix21-small.json', bytes: fixture('stix21-small.json') });
    expect(again.unchanged).toBe(true);
    expect(Object.values(again.apply.entities).every((c) => c.created === 0 && c.updated === 0)).toBe(true);
  });

  it('updates an object from a later version and keeps it against an earlier one', async () => {
    const newer = stix();
    const alpha = newer.objects[3]!;
    alpha.modified = '2024-06-01T00:00:00.000Z';
    alpha.description = 'A fictional group for tests, described again.';
    const report = await importData(api.db, { name: 'newer.json', bytes: bytes(newer) });
    // Another file: every object now cites it, so all are updated; Alpha Bear's text with them.
    expect(report.apply.entities.ThreatActor!.updated).toBe(2);
    expect((await entity('intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6'))!.description).toBe(
      'A fictional group for tests, described again.',
    );

    const older = stix();
    older.objects[3]!.modified = '2024-02-01T00:00:00.000Z';
    older.objects[3]!.description = 'An outdated description.';
    const stale = await importData(api.db, { name: 'older.json', bytes: bytes(older) });
    expect(stale.olderVersionsKept).toBeGreaterThanOrEqual(1);
    expect((await entity('intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6'))!.description).toBe(
      'A fictional group for tests, described again.',
    );
  });

  it('skips a relationship whose end is in neither the bundle nor the graph, naming it, and imports the rest', async () => {
    const broken = stix();
    broken.objects.push({
      type: 'malware',
      spec_version: '2.1',
      id: 'malware--11111111-2222-4333-8444-555555555555',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      name: 'NewRAT',
      is_family: true,
    });
    broken.objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      relationship_type: 'uses',
      source_ref: 'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6',
      target_ref: 'tool--99999999-8888-4777-8666-555555555555',
    });
    const report = await importData(api.db, { name: 'dangling.json', bytes: bytes(broken) });
    expect(report.warnings).toContain(
      `objects[${broken.objects.length - 1}] relationship--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee: refers to tool--99999999-8888-4777-8666-555555555555, which is in neither the file nor the graph; it was skipped`,
    );
    expect(await entity('malware--11111111-2222-4333-8444-555555555555')).toMatchObject({ name: 'NewRAT' });
    const uses = await relationshipsFrom('intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6');
    expect(uses.map((rel) => rel.to)).not.toContain('tool--99999999-8888-4777-8666-555555555555');
  });
});

describe('importing a MISP galaxy', () => {
  it('does not merge an actor whose names point at two existing actors: POSSIBLY_SAME_AS instead', async () => {
    const report = await importData(api.db, { name: 'misp-small.json', bytes: fixture('misp-small.json') });
    expect(report.merges).toEqual([]);
    expect(report.ambiguities).toEqual([
      {
        object: 'misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        name: 'Gamma Bear',
        createdAs: 'misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        // The STIX file states Alpha Bear and Beta Bear as two actors: Gamma Bear joins neither.
        reason: expect.stringMatching(/states them as different actors/),
        candidates: [
          { id: 'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6', name: 'Alpha Bear', matchedNames: ['Alpha Bear'] },
          { id: 'threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f', name: 'Beta Bear', matchedNames: ['Group Beta'] },
        ],
      },
    ]);
    // One POSSIBLY_SAME_AS per pair, from the smaller id, whichever was imported first.
    const gammaId = 'misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const possibly = [
      ...(await relationshipsFrom('intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6')),
      ...(await relationshipsFrom(gammaId)),
    ].filter((rel) => rel.type === 'POSSIBLY_SAME_AS');
    expect(possibly.map((rel) => `${rel.from} -> ${rel.to}`).sort()).toEqual([
      `intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6 -> ${gammaId}`,
      `${gammaId} -> threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f`,
    ]);
    // Each cites the sources whose statements carry the name the two share: this file and the STIX
    // file(s) that named Alpha Bear or Group Beta.
    for (const rel of possibly) expect(rel.props.citeSources).toContain(report.source!.id);
    // Neither existing actor took anything from Gamma Bear.
    for (const id of [
      'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6',
      'threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f',
    ]) {
      const keys = (await entity(id))!.mergeKeys as string[];
      expect(keys.filter((key) => key.endsWith('|misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'))).toEqual([]);
    }
  });

  it('links actors to the States MISP names, creating missing ones and leaving existing ones as they are', async () => {
    const iran = await entity('state:ir');
    expect(iran).toMatchObject({ kind: 'State', name: 'Iran', isoCode: 'IR' });
    expect((await entity('state:cz'))!.name).toBe('Czech Republic');
    const gamma = await relationshipsFrom('misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    expect(gamma.find((rel) => rel.type === 'SPONSORED_BY')).toMatchObject({
      to: 'state:ru',
      props: { confidence: 80, mispField: 'cfr-suspected-state-sponsor' },
    });
    expect(gamma.find((rel) => rel.type === 'TARGETS')).toMatchObject({ to: 'state:cz' });
    const delta = await relationshipsFrom('misp:b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e');
    expect(delta.find((rel) => rel.type === 'SPONSORED_BY')!.props.confidence).toBeUndefined();
    expect(delta.filter((rel) => rel.type === 'RELATED_TO').map((rel) => rel.to)).toEqual([
      'misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    ]);
  });

  it('skips a cluster with a wrong property type, naming it, and refuses a galaxy of tools whole', async () => {
    const broken = JSON.parse(fixture('misp-small.json').toString('utf8'));
    broken.values[1].meta['attribution-confidence'] = 'high';
    const report = await importData(api.db, { name: 'bad-misp.json', bytes: bytes(broken) });
    expect(report.warnings).toContain(
      'values[1] "Delta Panda": meta.attribution-confidence must be a number from 0 to 100, got "high"; the cluster was skipped',
    );
    const before = await counts();
    await expect(
      importData(api.db, { name: 'tools.json', bytes: bytes({ ...broken, type: 'tool', category: 'tool' }) }),
    ).rejects.toThrow(/tools.json was refused, nothing was written[\s\S]*is a MISP "tool" galaxy/);
    expect(await counts()).toEqual(before);
  });
});

describe('importBundle and exportStix over GraphQL', () => {
  it('imports for editors only, reports the outcome, and exports what it imported', async () => {
    const editor = (await createApiKey(api.db, 'import test editor', 'editor')).key;
    const reader = (await createApiKey(api.db, 'import test reader', 'reader')).key;
    const mutation = `mutation ($content: String!) { importBundle(content: $content) {
      unchanged format objects source { id sha256 } entities { name created updated unchanged } merges { into } absorbed { from into reason } splits { from into statements reason }
      possiblySameAsAdded possiblySameAsRemoved warnings } }`;
    const content = fixture('stix21-small.json').toString('utf8');
    const denied = await api.graphql(mutation, { content }, { authorization: `Bearer ${reader}` });
    expect(denied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const first = await api.graphql<{ importBundle: Props }>(mutation, { content }, { authorization: `Bearer ${editor}` });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importBundle).toMatchObject({ format: 'STIX 2.1', objects: 18 });
    const done = await api.graphql<{ importBundle: Props }>(mutation, { content }, { authorization: `Bearer ${editor}` });
    expect(done.data!.importBundle).toMatchObject({
      unchanged: true,
      format: 'STIX 2.1',
      objects: 18,
      absorbed: [],
      splits: [],
      possiblySameAsAdded: 0,
      possiblySameAsRemoved: 0,
    });
    const refused = await api.graphql(
      mutation,
      { content: '{"type": "bundle", "id": "bundle--6dfdcb9f-eef2-4d92-b800-a0b918314cb3"}' },
      { authorization: `Bearer ${editor}` },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/is not a STIX bundle/);

    const exported = await api.graphql<{ exportStix: { bundle: string } }>(
      '{ exportStix(neighborhoodOf: "intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6", depth: 1) { bundle } }',
      {},
      { authorization: `Bearer ${reader}` },
    );
    expect(exported.errors).toBeUndefined();
    const bundle = JSON.parse(exported.data!.exportStix.bundle) as { type: string; objects: Props[] };
    expect(bundle.type).toBe('bundle');
    const ids = bundle.objects.map((object) => object.id);
    expect(ids).toContain('intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6');
    expect(ids).toContain('malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b');
    expect(bundle.objects.filter((object) => object.type === 'extension-definition')).toHaveLength(5);
    const badDepth = await api.graphql(
      '{ exportStix(neighborhoodOf: "state:cz", depth: 9) { bundle } }',
      {},
      { authorization: `Bearer ${reader}` },
    );
    expect(badDepth.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { exportStix, type StixBundle, type StixObject } from '../../src/export/stix.js';
import { importData, importFile } from '../../src/ingest/importData.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { testDatabase } from '../support/database.js';

// Round trip: export, import the bundle into an empty graph, export again: both bundles describe
// the same graph. Timestamps that STIX requires but the graph does not hold (an object's created /
// modified when it came from the seed) are the database's own and are left out of the comparison.
const ATTACK = path.resolve(PROJECT_ROOT, '../shared/data/attack/enterprise-attack-18.1.json.gz');
const db = testDatabase();

afterAll(async () => {
  await db.autoCommit('admin/delete-all');
  await seedGraph(db);
  await db.close();
}, 300_000);

function comparable(bundle: StixBundle): StixObject[] {
  return bundle.objects
    .map(({ created: _created, modified: _modified, ...rest }) => rest)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

async function roundTrip(): Promise<{ first: StixBundle; second: StixBundle }> {
  const first = await exportStix(db);
  await db.autoCommit('admin/delete-all');
  const report = await importData(db, { name: 'export.json', bytes: Buffer.from(JSON.stringify(first)) });
  expect(report.source).toBeNull();
  expect(report.restored).toBeGreaterThan(0);
  const second = await exportStix(db);
  return { first, second };
}

describe('STIX export and import round trip', () => {
  it('holds for the seed', async () => {
    await db.autoCommit('admin/delete-all');
    await seedGraph(db);
    const { first, second } = await roundTrip();
    const types = new Set(first.objects.map((object) => object.type));
    for (const type of [
      'x-attribution-graph-response',
      'x-attribution-graph-source',
      'x-attribution-graph-state',
      'x-attribution-graph-stance',
      'threat-actor',
      'identity',
      'campaign',
      'relationship',
    ]) {
      expect(types, type).toContain(type);
    }
    // A stance says whose words it rests on; a reported one points at the source that reports it.
    const record = (object: StixObject): Record<string, any> =>
      Object.values((object.extensions ?? {}) as Record<string, Record<string, any>>).find(
        (value) => value.extension_type === 'property-extension',
      )!;
    const idOf = (graphId: string): string =>
      first.objects.find((object) => record(object)?.entity?.id === graphId)!.id as string;
    const stances = first.objects.filter(
      (object) =>
        object.type === 'x-attribution-graph-stance' && object.source_ref === idOf('response:nato-solidarity-2025-05-28'),
    );
    const condemns = stances.find((object) => object.stance === 'CONDEMNS')!;
    expect(condemns).toMatchObject({ basis: 'REPORTED', reported_by_ref: idOf('source:upi-2025-05-28-czech-china-cyber') });
    const concern = stances.find((object) => object.stance === 'EXPRESSES_CONCERN_ABOUT')!;
    expect(concern.basis).toBe('OWN_WORDS');
    expect(concern.reported_by_ref).toBeUndefined();
    // A date says how it is known, in the response's graph record.
    const nato = first.objects.find((object) => object.id === idOf('response:nato-solidarity-2025-05-28'))!;
    expect(record(nato).entity.props).toMatchObject({ occurredBasis: 'INFERRED' });
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('holds for the seed plus ATT&CK Enterprise', async () => {
    await db.autoCommit('admin/delete-all');
    await seedGraph(db);
    await importFile(db, ATTACK);
    const { first, second } = await roundTrip();
    expect(first.objects.length).toBeGreaterThan(24_000);
    expect(comparable(second)).toEqual(comparable(first));
  }, 900_000);
});

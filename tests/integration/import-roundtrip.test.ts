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

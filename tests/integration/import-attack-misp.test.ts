import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../src/config.js';
import { importData, importFile, type ImportReport } from '../../src/ingest/importData.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { nameKey } from '../../src/model/names.js';
import { testDatabase } from '../support/database.js';

// The real data: ATT&CK Enterprise 18.1 (STIX 2.0) and the MISP threat-actor galaxy, imported after
// the seed. APT31 from the seed, ATT&CK's G0128 "ZIRCONIUM" and MISP's "APT31" must be one actor.
const ATTACK = path.resolve(PROJECT_ROOT, '../shared/data/attack/enterprise-attack-18.1.json.gz');
const MISP = path.resolve(PROJECT_ROOT, '../shared/data/misp-galaxy/threat-actor.json');
const db = testDatabase();
let attack: ImportReport;
let misp: ImportReport;

type Props = Record<string, unknown>;

async function counts(): Promise<{ nodeCount: number; relationshipCount: number }> {
  const [row] = await db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
  return row!;
}

beforeAll(async () => {
  await db.autoCommit('admin/delete-all');
  await seedGraph(db);
  attack = await importFile(db, ATTACK);
  misp = await importFile(db, MISP);
}, 600_000);
afterAll(async () => {
  await db.autoCommit('admin/delete-all');
  await seedGraph(db);
  await db.close();
}, 300_000);

describe('importing ATT&CK Enterprise and the MISP threat-actor galaxy', () => {
  it('imports every ATT&CK object and keeps the unknown ones', () => {
    expect(attack.objects).toBe(24_771);
    expect(attack.apply.entities.ThreatActor!.created + attack.apply.entities.ThreatActor!.updated).toBe(187);
    expect(attack.apply.entities.AttackPattern!.created).toBe(835);
    expect(attack.apply.relationships.USES!.created).toBe(17_270);
    expect(attack.unknownTypes['x-mitre-analytic']).toBe(1739);
    expect(attack.source).toMatchObject({ version: '18.1' });
  });

  it('merges ZIRCONIUM and MISP APT31 into the seed actor, saying which names matched', () => {
    expect(attack.merges).toContainEqual(
      expect.objectContaining({
        object: 'intrusion-set--4283ae19-69c7-4347-a35e-b56f08eb660b',
        name: 'ZIRCONIUM',
        into: 'actor:apt31',
        matchedNames: ['APT31'],
      }),
    );
    expect(misp.merges).toContainEqual(expect.objectContaining({ name: 'APT31', into: 'actor:apt31' }));
  });

  it('finds the one actor by any of its names', async () => {
    for (const name of ['APT31', 'ZIRCONIUM', 'Violet Typhoon', 'JUDGMENT PANDA', 'BRONZE VINEWOOD', 'TA412', 'apt 31']) {
      const rows = await db.read<{ id: string }>('import/threat-actors-by-name-keys', { keys: [nameKey(name)] });
      expect(
        rows.map((row) => row.id),
        name,
      ).toEqual(['actor:apt31']);
    }
  });

  it('keeps what the seed said and adds what ATT&CK and MISP say', async () => {
    const [actor] = await db.read<{ props: Props }>('export/entities-by-id', { ids: ['actor:apt31'] });
    const props = actor!.props;
    expect(props.name).toBe('APT31');
    expect(props.description).toMatch(/^Advanced Persistent Threat Group 31/);
    expect(props.attackIds).toEqual(['G0128']);
    expect(props.stixIds).toEqual(['intrusion-set--4283ae19-69c7-4347-a35e-b56f08eb660b']);
    expect(props.mispUuids).toEqual(['6bf7e6b6-5917-45a6-9567-f0baba79768c']);
    expect(props.citeSources).toEqual(
      expect.arrayContaining(['source:upi-2025-05-28-czech-china-cyber', attack.source!.id, misp.source!.id]),
    );
    const aliases = await db.read<{ name: string; givenBy: string }>('export/aliases-by-id', { ids: ['actor:apt31'] });
    expect(aliases).toContainEqual(expect.objectContaining({ name: 'BRONZE VINEWOOD', givenBy: 'Secureworks' }));
    expect(aliases).toContainEqual(expect.objectContaining({ name: 'ZIRCONIUM', givenBy: 'The MITRE Corporation' }));
    const links = await db.read<{ type: string; to: string; props: Props }>('export/relationships-from', {
      ids: ['actor:apt31'],
    });
    expect(links.filter((link) => link.type === 'USES').length).toBeGreaterThan(20);
    // The seed's own claims keep their own citations.
    const sponsored = links.filter((link) => link.type === 'SPONSORED_BY' && link.to === 'state:cn');
    expect(sponsored.find((link) => link.props.key === '')!.props.citeSources).toEqual([
      'source:upi-2025-05-28-czech-china-cyber',
      'source:upi-2025-05-28-czech-china-cyber',
    ]);
  });

  it("records MISP's sponsorship claims beside other sources' claims", async () => {
    const chinese = await db.read<{ type: string; from: string; to: string; props: Props }>('export/relationships-from', {
      ids: (await db.read<{ id: string }>('import/threat-actors-by-name-keys', { keys: [nameKey('APT41')] })).map(
        (row) => row.id,
      ),
    });
    const claim = chinese.find((link) => link.type === 'SPONSORED_BY' && link.props.mispField === 'cfr-suspected-state-sponsor');
    expect(claim).toMatchObject({ to: 'state:cn', props: { citeSources: [misp.source!.id] } });
  });

  it('flags revoked and deprecated objects and keeps revoked-by', async () => {
    expect(attack.apply.relationships.REVOKED_BY!.created).toBe(140);
    const bundle = JSON.parse(gunzipSync(fs.readFileSync(ATTACK)).toString('utf8')) as { objects: Props[] };
    const revoked = bundle.objects.find((object) => object.type === 'intrusion-set' && object.revoked === true)!;
    const deprecated = bundle.objects.find((object) => object.type === 'intrusion-set' && object.x_mitre_deprecated === true)!;
    const rows = await db.read<{ id: string; props: Props }>('export/entities-by-id', { ids: [revoked.id, deprecated.id] });
    expect(rows.find((row) => row.id === revoked.id)!.props.revoked).toBe(true);
    expect(rows.find((row) => row.id === deprecated.id)!.props.deprecated).toBe(true);
    const revokedBy = await db.read<{ type: string }>('export/relationships-from', { ids: [revoked.id] });
    expect(revokedBy.map((rel) => rel.type)).toContain('REVOKED_BY');
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await counts();
    const again = [await importFile(db, ATTACK), await importFile(db, MISP)];
    for (const report of again) {
      expect(report.unchanged, report.file).toBe(true);
      // Merged objects are found again by the id they were merged under, not matched by name anew.
      expect(report.merges).toEqual([]);
    }
    expect(await counts()).toEqual(before);
  }, 600_000);

  it('skips the defective objects of a corrupted copy on their own, naming each', async () => {
    const bundle = JSON.parse(gunzipSync(fs.readFileSync(ATTACK)).toString('utf8')) as { objects: Props[] };
    const groups = bundle.objects.filter((object) => object.type === 'intrusion-set');
    groups[0]!.confidence = 'high';
    delete groups[1]!.id;
    const relationship = bundle.objects.find((object) => object.type === 'relationship')!;
    relationship.target_ref = 'attack-pattern--00000000-0000-4000-8000-000000000000';
    const report = await importData(db, { name: 'corrupted.json', bytes: Buffer.from(JSON.stringify(bundle)) });
    const warnings = report.warnings.join('\n');
    expect(warnings).toMatch(/confidence must be a whole number from 0 to 100, got "high"; the object was skipped/);
    expect(warnings).toMatch(new RegExp(`"${String(groups[1]!.name)}": id is missing; the object was skipped`));
    expect(warnings).toContain(
      `${String(relationship.id)}: refers to attack-pattern--00000000-0000-4000-8000-000000000000, which is in neither the file nor the graph; it was skipped`,
    );
  }, 300_000);
});

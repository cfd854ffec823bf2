import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { mergeEntities, undoMerge } from '../../src/editing/editor.js';
import { importData, type ImportReport } from '../../src/ingest/importData.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { useSeededApi } from '../support/api.js';
import { resolutionDump } from '../support/graphDump.js';

// Entity resolution on small files of our own, in the shapes the shared data lacks: a
// MITRE-derived intrusion-set cluster (uuids equal to the STIX intrusion sets', ATT&CK ids in names
// and meta), a Microsoft-activity-group cluster, a `related` without dest-uuid, a galaxy of tools.
const api = useSeededApi();
// Other test files expect the seed alone (hooks after tests run last-registered first: before the API closes).
afterAll(async () => {
  await api().db.autoCommit('admin/delete-all');
  await seedGraph(api().db);
});
const FILES = ['stix21-small.json', 'misp-intrusion-set.json', 'misp-activity-group.json'];
const read = (name: string): Buffer => fs.readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/import', name));
const importFixture = (name: string): Promise<ImportReport> => importData(api().db, { name, bytes: read(name) });

async function reset(): Promise<void> {
  await api().db.autoCommit('admin/delete-all');
  await seedGraph(api().db);
}

async function lookup(name: string): Promise<string[]> {
  const result = await api().graphql<{ lookup: Array<{ id: string }> }>(
    'query ($name: String!) { lookup(name: $name, kinds: [ThreatActor]) { id } }',
    { name },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.lookup.map((row) => row.id);
}

describe('entity resolution across sources', () => {
  it('joins by UUID, ATT&CK id and name, says why, and skips a reference without dest-uuid alone', async () => {
    await reset();
    const [, intrusionSets, activityGroups] = [
      await importFixture(FILES[0]!),
      await importFixture(FILES[1]!),
      await importFixture(FILES[2]!),
    ];
    expect(intrusionSets.merges).toContainEqual(
      expect.objectContaining({
        object: 'misp:0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6',
        name: 'Alpha Bear',
        into: 'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6',
        reason: expect.stringContaining('UUID 0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6'),
      }),
    );
    expect(intrusionSets.warnings).toContain(
      'values[0] "Alpha Bear - G9001" related[0]: has no dest-uuid (got undefined); the reference was skipped',
    );
    expect(activityGroups.merges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Violet Typhoon', into: 'actor:apt31', reason: 'name "APT31"' }),
        expect.objectContaining({
          name: 'Epsilon Tempest',
          into: 'misp:6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a',
          reason: 'ATT&CK id G9002, name "G9002"',
        }),
      ]),
    );
    expect(await lookup('G9001')).toEqual(['intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6']);
    expect(await lookup('Alpha Bear - G9001')).toEqual(['intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6']);
    expect(await lookup('Violet Typhoon')).toEqual(['actor:apt31']);
    expect(await lookup('Epsilon Tempest')).toEqual(['misp:6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a']);
    for (const name of FILES) {
      const again = await importFixture(name);
      expect(again.unchanged, name).toBe(true);
    }
  });

  it('refuses a galaxy of tools whole, naming its type', async () => {
    await expect(importFixture('misp-tools.json')).rejects.toThrow(/is a MISP "tool" galaxy \(category "tool"\)/);
  });

  it('gives the same actors, aliases, external ids and claims in any order, merging reversibly', async () => {
    const first = await resolutionDump(api().db);
    await reset();
    const reports = [];
    for (const name of [...FILES].reverse()) reports.push(await importFixture(name));
    // In this order the STIX file comes last and shows that two earlier actors are one.
    expect(reports[2]!.absorbed).toContainEqual(
      expect.objectContaining({
        from: 'misp:0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6',
        into: 'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6',
      }),
    );
    expect(await resolutionDump(api().db)).toEqual(first);
    for (const name of FILES) expect((await importFixture(name)).unchanged, name).toBe(true);
  });

  it('refuses to pick one of several actors a name is given to, listing them', async () => {
    // misp-small's Gamma Bear is also called "Group Beta", Beta Bear's alias; the STIX file keeps
    // Alpha Bear and Beta Bear apart, so Gamma Bear joins neither (POSSIBLY_SAME_AS).
    const gamma = await importFixture('misp-small.json');
    expect(gamma.ambiguities[0]).toMatchObject({
      name: 'Gamma Bear',
      reason: expect.stringMatching(/states them as different actors/),
    });
    const result = await api().graphql('{ threatActor(name: "Group Beta") { id } }');
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/names 2 entities of kind ThreatActor/);
    expect(result.errors?.[0]?.extensions.candidates).toEqual(
      expect.arrayContaining([
        { id: 'misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Gamma Bear' },
        { id: 'threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f', name: 'Beta Bear' },
      ]),
    );
  });

  it('splits out a join by name that a later file shows to be wrong, so either order gives one graph', async () => {
    // A Tidal-like file joins "Gold Test" to its G9115 by name; a threat-actor-like file then states
    // Gold Test and Pinchy Test as two actors, and an ATT&CK-like file names both as G9115. Seen
    // together, the two names compete for one actor: neither joins it.
    const galaxy = (name: string, values: unknown[]): Buffer =>
      Buffer.from(JSON.stringify({ name, type: name, category: 'actor', source: name, uuid: UUID(0), version: 1, values }));
    const UUID = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const files = {
      tidal: galaxy('tidal-test', [
        { value: 'REvil Tidal', uuid: UUID(1), meta: { group_attack_id: 'G9115', synonyms: ['Gold Test'] } },
      ]),
      actors: galaxy('actors-test', [
        { value: 'Gold Test', uuid: UUID(2) },
        { value: 'Pinchy Test', uuid: UUID(3) },
      ]),
      attack: galaxy('attack-test', [
        { value: 'REvil', uuid: UUID(4), meta: { external_id: 'G9115', synonyms: ['Gold Test', 'Pinchy Test'] } },
      ]),
    };
    const run = async (order: Array<keyof typeof files>): Promise<ImportReport[]> => {
      await reset();
      const reports = [];
      for (const name of order) reports.push(await importData(api().db, { name: `${name}.json`, bytes: files[name] }));
      return reports;
    };
    const [, , attack] = await run(['tidal', 'actors', 'attack']);
    expect(attack!.splits).toEqual([
      expect.objectContaining({
        from: `misp:${UUID(1)}`,
        into: `misp:${UUID(2)}`,
        statements: [expect.stringMatching(/\|misp:0+-0000-4000-8000-0+2$/)],
      }),
    ]);
    const first = await resolutionDump(api().db);
    expect(await lookup('Gold Test')).toEqual(expect.arrayContaining([`misp:${UUID(1)}`, `misp:${UUID(2)}`]));
    expect(await lookup('G9115')).toEqual([`misp:${UUID(1)}`]);
    const possibly = first.filter((line) => line.includes('POSSIBLY_SAME_AS')).map((line) => line.split(' key=')[0]);
    expect(possibly).toEqual([
      `claim misp:${UUID(1)} POSSIBLY_SAME_AS misp:${UUID(2)}`,
      `claim misp:${UUID(1)} POSSIBLY_SAME_AS misp:${UUID(3)}`,
    ]);
    // The split is in the audit trail.
    const history = await api().db.read<{ change: { operation: string } }>('audit/history', { id: `misp:${UUID(1)}`, limit: 10 });
    expect(history.map((row) => row.change.operation)).toContain('SPLIT');
    for (const name of ['tidal', 'actors', 'attack'] as const) {
      expect((await importData(api().db, { name: `${name}.json`, bytes: files[name] })).unchanged, name).toBe(true);
    }
    await run(['attack', 'actors', 'tidal']);
    expect(await resolutionDump(api().db)).toEqual(first);
    await run(['actors', 'tidal', 'attack']);
    expect(await resolutionDump(api().db)).toEqual(first);
  });

  it('keeps apart what an editor separated and together what an editor merged, through later imports', async () => {
    const editor = { keyId: null, name: 'test editor', role: 'editor' as const };
    const alpha = 'intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6';
    const alphaCluster = 'misp:0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6';
    const epsilon = 'misp:6d5e4f3a-2b1c-4d0e-9f8a-7b6c5d4e3f2a';
    await reset();
    // In this order the STIX file shows the MITRE-derived Alpha Bear cluster to be its intrusion set.
    for (const name of [...FILES].reverse()) await importFixture(name);
    const history = await api().db.read<{ change: { id: string; operation: string } }>('audit/history', { id: alpha, limit: 20 });
    const merge = history.find((row) => row.change.operation === 'MERGE')!.change;
    await undoMerge(api().db, editor, merge.id);
    // Every import reconciles the actors; the editor's undo holds.
    for (const name of FILES) await importFixture(name);
    const dump = await resolutionDump(api().db);
    for (const id of [alpha, alphaCluster])
      expect(
        dump.filter((line) => line.startsWith(`actor ${id} `)),
        id,
      ).toHaveLength(1);
    const apart = dump.filter((line) => line.startsWith(`claim ${alpha} POSSIBLY_SAME_AS ${alphaCluster}`));
    expect(apart).toHaveLength(1);
    const pairs = await api().db.read<{ from: string; to: string; reason: string }>('import/actor-possibly-same-as');
    expect(pairs.find((pair) => pair.from === alpha && pair.to === alphaCluster)?.reason).toMatch(/an editor separated/);

    // Two actors of different ATT&CK ids, which resolution keeps apart, merged by an editor: they stay one.
    await mergeEntities(api().db, editor, alpha, epsilon, 'the same group');
    for (const name of FILES) await importFixture(name);
    expect(await lookup('G9002')).toEqual([alpha]);
    expect(await lookup('Epsilon Tempest')).toEqual([alpha]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { importData } from '../../src/ingest/importData.js';
import { useSeededApi } from '../support/api.js';

// Writes under abuse: concurrent clients racing for one id or one link. Test entities use the
// `race-test:` id prefix and are removed afterwards, leaving the shared graph as the seed made it.
const api = useSeededApi();
const keys: Record<'editor' | 'admin', string> = { editor: '', admin: '' };
beforeAll(async () => {
  for (const role of ['editor', 'admin'] as const) keys[role] = (await createApiKey(api().db, `race ${role}`, role)).key;
});
afterAll(async () => {
  await api().db.autoCommit('admin/delete-by-id-prefix', { prefix: 'race-test:' });
});

type Json = Record<string, any>;

function as(role: keyof typeof keys) {
  return (query: string, variables?: Record<string, unknown>) =>
    api().graphql<Json>(query, variables, { authorization: `Bearer ${keys[role]}` });
}

const CREATE_SOURCE = `mutation($input: SourceInput!) { createSource(input: $input) { id } }`;
const CREATE_ENTITY = `mutation($kind: EditableKind!, $input: EntityInput!) { createEntity(kind: $kind, input: $input) { id name } }`;
const LINK = `mutation($input: LinkInput!) { link(input: $input) { type node { id } } }`;

async function source(id: string): Promise<string> {
  const created = await as('editor')(CREATE_SOURCE, { input: { id, title: `Test source ${id}`, sourceType: 'OTHER' } });
  expect(created.errors).toBeUndefined();
  return id;
}

async function actor(id: string, sourceId: string, name = `Test Group ${id}`): Promise<string> {
  const created = await as('editor')(CREATE_ENTITY, {
    kind: 'ThreatActor',
    input: { id, name, citations: [{ sourceId }] },
  });
  expect(created.errors).toBeUndefined();
  return id;
}

/** How many relationships of a type run from one entity to another, read through the API. */
async function linkCount(from: string, to: string, type: string): Promise<number> {
  const { data, errors } = await as('editor')(`{ entity(id: "${from}") { links(first: 100) { type direction node { id } } } }`);
  expect(errors).toBeUndefined();
  return (data?.entity.links as Json[]).filter((link) => link.type === type && link.direction === 'OUT' && link.node.id === to)
    .length;
}

describe('concurrent writes', () => {
  it('eight simultaneous creates of one id: one succeeds, seven CONFLICT, one CREATE entry, the first data kept', async () => {
    const cites = [{ sourceId: await source('race-test:create:source') }];
    for (let round = 0; round < 3; round += 1) {
      const id = `race-test:create:actor-${round}`;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          as('editor')(CREATE_ENTITY, { kind: 'ThreatActor', input: { id, name: `Racer ${round}-${index}`, citations: cites } }),
        ),
      );
      const winners = results.filter((result) => result.errors === undefined);
      expect(winners, `round ${round}`).toHaveLength(1);
      const losers = results.filter((result) => result.errors !== undefined);
      for (const loser of losers) {
        expect(loser.errors?.[0]?.extensions.code).toBe('CONFLICT');
        expect(loser.errors?.[0]?.message).toBe(`input.id: ${id} already exists`);
      }
      const winnerName = winners[0]!.data!.createEntity.name as string;
      const stored = await as('editor')(`{ threatActor(id: "${id}") { name } history(id: "${id}") { operation } }`);
      expect(stored.data?.threatActor.name).toBe(winnerName);
      expect(stored.data?.history).toEqual([{ operation: 'CREATE' }]);
      // Which key made it, and the key's name, only admins see.
      const asEditor = await as('editor')(`{ history(id: "${id}") { by { keyId name } } }`);
      expect(asEditor.data?.history).toEqual([{ by: { keyId: null, name: 'an API key' } }]);
      const asAdmin = await as('admin')(`{ history(id: "${id}") { by { keyId name } } }`);
      expect((asAdmin.data?.history as Json[])[0]!.by).toMatchObject({ keyId: expect.any(String), name: 'race editor' });
    }
  });

  it('eight simultaneous identical links: one relationship, every caller answered with it, one LINK entry', async () => {
    const sourceId = await source('race-test:link:source');
    const from = await actor('race-test:link:a', sourceId);
    for (let round = 0; round < 3; round += 1) {
      const to = await actor(`race-test:link:b-${round}`, sourceId);
      const input = { from, to, type: 'RELATED_TO', confidence: 50, citations: [{ sourceId, quote: 'the same' }] };
      const results = await Promise.all(Array.from({ length: 8 }, () => as('editor')(LINK, { input })));
      for (const result of results) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.link).toEqual({ type: 'RELATED_TO', node: { id: to } });
      }
      expect(await linkCount(from, to, 'RELATED_TO'), `round ${round}`).toBe(1);
      const history = await as('editor')(`{ history(id: "${from}", first: 50) { operation after } }`);
      const links = (history.data?.history as Json[]).filter(
        (change) => change.operation === 'LINK' && (change.after as string).includes(to),
      );
      expect(links).toHaveLength(1);
    }
  });
});

describe('relationship kinds', () => {
  it('links only kinds their type allows, never an entity to itself, claimed only by an existing party', async () => {
    const sourceId = await source('race-test:kinds:source');
    const group = await actor('race-test:kinds:actor', sourceId);
    const org = (
      await as('editor')(CREATE_ENTITY, {
        kind: 'Organization',
        input: { id: 'race-test:kinds:org', name: 'Test ministry of kinds', citations: [{ sourceId }] },
      })
    ).data?.createEntity.id as string;
    const before = await api().db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
    const cites = [{ sourceId }];
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { from: sourceId, to: 'state:cz', type: 'TARGETS' },
        /^input\.from: race-test:kinds:source is a Source; a TARGETS relationship starts at Campaign, ThreatActor, /,
      ],
      [
        { from: 'campaign:apt31-cz-mfa-2022', to: sourceId, type: 'TARGETS' },
        /^input\.to: race-test:kinds:source is a Source; a TARGETS relationship ends at State, Organization, /,
      ],
      [
        { from: org, to: 'campaign:apt31-cz-mfa-2022', type: 'SPONSORED_BY' },
        /^input\.from: race-test:kinds:org is an Organization; a SPONSORED_BY relationship starts at ThreatActor, PersonGroup or Person$/,
      ],
      [
        { from: group, to: 'campaign:apt31-cz-mfa-2022', type: 'SPONSORED_BY' },
        /^input\.to: campaign:apt31-cz-mfa-2022 is a Campaign; a SPONSORED_BY relationship ends at State or Organization$/,
      ],
      [{ from: group, to: group, type: 'RELATED_TO' }, /^input\.to: is race-test:kinds:actor itself/],
      [
        { from: group, to: 'state:cn', type: 'SPONSORED_BY', claimedById: 'state:nowhere' },
        /^input\.claimedById: there is no entity state:nowhere$/,
      ],
      [
        { from: group, to: 'state:cn', type: 'SPONSORED_BY', claimedById: sourceId },
        /^input\.claimedById: race-test:kinds:source is a Source, not one of ThreatActor, State, /,
      ],
    ];
    for (const [input, message] of cases) {
      const { errors } = await as('editor')(LINK, { input: { ...input, citations: cites } });
      expect(errors?.[0]?.extensions.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message, JSON.stringify(input)).toMatch(message);
    }
    expect(await api().db.read('health/counts')).toEqual(before);
    const allowed = await as('editor')(LINK, {
      input: { from: group, to: 'state:cn', type: 'SPONSORED_BY', claimedById: 'state:cz', citations: cites },
    });
    expect(allowed.errors).toBeUndefined();
  });

  it('skips an imported relationship that breaks the kinds, naming it, and imports the rest', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a01',
      objects: [
        {
          type: 'report',
          spec_version: '2.1',
          id: 'report--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a02',
          created: '2025-01-01T00:00:00.000Z',
          modified: '2025-01-01T00:00:00.000Z',
          name: 'A report that targets',
          published: '2025-01-01T00:00:00.000Z',
          object_refs: ['identity--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a03'],
        },
        {
          type: 'identity',
          spec_version: '2.1',
          id: 'identity--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a03',
          created: '2025-01-01T00:00:00.000Z',
          modified: '2025-01-01T00:00:00.000Z',
          name: 'Race test victim',
          identity_class: 'organization',
        },
        {
          type: 'relationship',
          spec_version: '2.1',
          id: 'relationship--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a04',
          created: '2025-01-01T00:00:00.000Z',
          modified: '2025-01-01T00:00:00.000Z',
          relationship_type: 'targets',
          source_ref: 'report--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a02',
          target_ref: 'identity--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a03',
        },
      ],
    };
    // A defect of one relationship stays local (docs/import-export.md): it is skipped, named, and
    // the objects import; the changeset path itself still refuses such a relationship.
    const report = await importData(api().db, {
      name: 'targets-from-report.json',
      bytes: Buffer.from(JSON.stringify(bundle)),
    });
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /TARGETS start report--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a02 is a Report; a TARGETS relationship starts at Campaign, ThreatActor, AttackPattern, Malware, Tool or StixObject; it was skipped$/,
      ),
    );
    const targets = await api().db.read<{ type: string }>('export/relationships-from', {
      ids: ['report--6f1c3a52-2b0e-4d8e-9d55-3b1b0b5f0a02'],
    });
    expect(targets.filter((rel) => rel.type === 'TARGETS')).toEqual([]);
    expect(report.apply.entities.Report).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
});

describe('merges', () => {
  const MERGE = (keep: string, merge: string): string =>
    `mutation { mergeEntities(keepId: "${keep}", mergeId: "${merge}", reason: "the same") { id } }`;
  const mergeChange = async (keep: string): Promise<string> => {
    const { data } = await as('admin')(`{ history(id: "${keep}") { id operation } }`);
    return (data?.history as Json[]).find((change) => change.operation === 'MERGE')!.id as string;
  };
  const org = async (id: string, sourceId: string): Promise<string> => {
    const created = await as('editor')(CREATE_ENTITY, {
      kind: 'Organization',
      input: { id, name: `Test body ${id}`, citations: [{ sourceId }] },
    });
    expect(created.errors).toBeUndefined();
    return id;
  };
  const READ = (id: string): string =>
    `{ entity(id: "${id}") { citations { source { id } } aliases { name citations { source { id } } }
      links(first: 50) { type node { id } claimedBy { id } citations { source { id } } } } }`;

  it('rewrite every reference to the removed entity; undo puts each back', async () => {
    const kept = await source('race-test:merge:kept-source');
    const away = await source('race-test:merge:away-source');
    const group = await actor('race-test:merge:actor', away);
    const added = await as('editor')(
      `mutation { updateEntity(id: "${group}", input: { addAliases: [{ name: "Merge Alias", citations: [{ sourceId: "${away}" }] }] }) { id } }`,
    );
    expect(added.errors).toBeUndefined();
    const claimant = await org('race-test:merge:claimant', kept);
    const claimantKept = await org('race-test:merge:claimant-kept', kept);
    const linked = await as('editor')(LINK, {
      input: { from: group, to: 'state:cn', type: 'SPONSORED_BY', claimedById: claimant, citations: [{ sourceId: away }] },
    });
    expect(linked.errors).toBeUndefined();

    expect((await as('admin')(MERGE(kept, away))).errors).toBeUndefined();
    expect((await as('admin')(MERGE(claimantKept, claimant))).errors).toBeUndefined();
    const after = await as('editor')(READ(group));
    expect(after.errors).toBeUndefined();
    expect(after.data?.entity).toEqual({
      citations: [{ source: { id: kept } }],
      aliases: [{ name: 'Merge Alias', citations: [{ source: { id: kept } }] }],
      links: [
        {
          type: 'SPONSORED_BY',
          node: { id: 'state:cn' },
          claimedBy: { id: claimantKept },
          citations: [{ source: { id: kept } }],
        },
      ],
    });
    // The kept entity's history carries the merged one's.
    const history = await as('admin')(`{ history(id: "${claimantKept}") { operation entityId } }`);
    expect((history.data?.history as Json[]).map((change) => `${change.operation} ${change.entityId}`).sort()).toEqual(
      [`CREATE ${claimantKept}`, `CREATE ${claimant}`, `MERGED_AWAY ${claimant}`, `MERGE ${claimantKept}`].sort(),
    );

    for (const keep of [claimantKept, kept]) {
      const undone = await as('admin')(`mutation { undoMerge(changeId: "${await mergeChange(keep)}") { id } }`);
      expect(undone.errors, keep).toBeUndefined();
    }
    const restored = await as('editor')(READ(group));
    expect(restored.errors).toBeUndefined();
    expect(restored.data?.entity).toEqual({
      citations: [{ source: { id: away } }],
      aliases: [{ name: 'Merge Alias', citations: [{ source: { id: away } }] }],
      links: [
        { type: 'SPONSORED_BY', node: { id: 'state:cn' }, claimedBy: { id: claimant }, citations: [{ source: { id: away } }] },
      ],
    });
  });

  it('refuse to undo, naming them, when writes made since the merge would be lost', async () => {
    const sourceId = await source('race-test:undo:source');
    const keep = await actor('race-test:undo:keep', sourceId);
    const away = await actor('race-test:undo:away', sourceId);
    const other = await actor('race-test:undo:other', sourceId);
    expect((await as('admin')(MERGE(keep, away))).errors).toBeUndefined();
    const change = await mergeChange(keep);
    const later = await as('editor')(LINK, { input: { from: other, to: keep, type: 'RELATED_TO', citations: [{ sourceId }] } });
    expect(later.errors).toBeUndefined();
    const refused = await as('admin')(`mutation { undoMerge(changeId: "${change}") { id } }`);
    expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain(`RELATED_TO ${other} -> ${keep} was added`);
    expect(await linkCount(other, keep, 'RELATED_TO')).toBe(1);
    expect((await as('editor')(`{ entity(id: "${away}") { id } }`)).data?.entity).toBeNull();
  });
});

describe('duplicates that only look different', () => {
  it('refuses a name that differs from one of its kind only in case or look-alike letters, naming the existing entity', async () => {
    const sourceId = await source('race-test:lookalike:source');
    const cites = [{ sourceId }];
    for (const name of ['АРТ31', 'apt 31', 'Apt-3l', 'advanced persistent threat group 3l']) {
      const { errors } = await as('editor')(CREATE_ENTITY, {
        kind: 'ThreatActor',
        input: { id: `race-test:lookalike:${name.length}-${name.charCodeAt(0)}`, name, citations: cites },
      });
      expect(errors?.[0]?.extensions.code, name).toBe('CONFLICT');
      expect(errors?.[0]?.extensions.existingId, name).toBe('actor:apt31');
      expect(errors?.[0]?.message, name).toMatch(new RegExp(`^input\\.name: "${name}" looks like APT31 \\(actor:apt31\\)`));
    }
    // Another kind may share the name, and a name that merely resembles is not refused.
    for (const [kind, name] of [
      ['Campaign', 'APT31'],
      ['ThreatActor', 'APT310'],
    ] as const) {
      const { errors } = await as('editor')(CREATE_ENTITY, {
        kind,
        input: { id: `race-test:lookalike:${kind}-${name}`, name, citations: cites },
      });
      expect(errors, `${kind} ${name}`).toBeUndefined();
    }
  });

  it('stores aliases that differ only in case, and repeated citations, once', async () => {
    const sourceId = await source('race-test:once:source');
    const cite = { sourceId, quote: 'the words' };
    const created = await as('editor')(
      `mutation($input: EntityInput!) { createEntity(kind: ThreatActor, input: $input) { aliases { name citations { quote } } citations { quote } } }`,
      {
        input: {
          id: 'race-test:once:actor',
          name: 'Test Group Once',
          aliases: [
            { name: 'Once Team', givenBy: 'Vendor', citations: [cite] },
            { name: 'once team', givenBy: 'Vendor', citations: [cite, cite] },
          ],
          citations: [cite, cite],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createEntity).toEqual({
      aliases: [{ name: 'Once Team', citations: [{ quote: 'the words' }] }],
      citations: [{ quote: 'the words' }],
    });
    const updated = await as('editor')(
      `mutation($input: EntityUpdateInput!) { updateEntity(id: "race-test:once:actor", input: $input) { aliases { name } citations { quote } } }`,
      { input: { addAliases: [{ name: 'ONCE TEAM', givenBy: 'Vendor', citations: [cite] }], addCitations: [cite] } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateEntity).toEqual({ aliases: [{ name: 'Once Team' }], citations: [{ quote: 'the words' }] });
  });
});

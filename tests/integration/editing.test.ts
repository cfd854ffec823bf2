import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../src/auth/apiKeys.js';
import { applyChangeset } from '../../src/write/apply.js';
import { startTestApi, useSeededApi } from '../support/api.js';

// Editing through /graphql with API keys: who may write, validated input, one transaction per
// mutation, the audit trail, merges and their undo. Test entities use the `edit-test:` id prefix.
const api = useSeededApi();
const keys: Record<'reader' | 'editor' | 'admin', string> = { reader: '', editor: '', admin: '' };
beforeAll(async () => {
  for (const role of ['reader', 'editor', 'admin'] as const)
    keys[role] = (await createApiKey(api().db, `test ${role}`, role)).key;
});
// The test files share one seeded graph: leave it as the seed made it for the lists other files count.
afterAll(async () => {
  await api().db.autoCommit('admin/delete-by-id-prefix', { prefix: 'edit-test:' });
});

type Json = Record<string, any>;

function as(role: keyof typeof keys | null) {
  return (query: string, variables?: Record<string, unknown>) =>
    api().graphql<Json>(query, variables, role === null ? {} : { authorization: `Bearer ${keys[role]}` });
}

async function counts(): Promise<{ nodeCount: number; relationshipCount: number }> {
  const [row] = await api().db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
  return row!;
}

const CREATE_SOURCE = `mutation($input: SourceInput!) { createSource(input: $input) { id title published { text precision } } }`;
const CREATE_ENTITY = `mutation($kind: EditableKind!, $input: EntityInput!) { createEntity(kind: $kind, input: $input) { id kind name aliases { name } citations { quote source { id } } } }`;
const SOURCE_INPUT = {
  id: 'edit-test:source',
  title: 'A test statement',
  publisher: 'Test ministry',
  published: '2025-06',
  sourceType: 'OFFICIAL_STATEMENT',
  url: 'https://example.org/statement',
};

describe('who may write', () => {
  it('refuses writes without a key, and from a reader key; takes them from an editor key', async () => {
    const anonymous = await as(null)(CREATE_SOURCE, { input: SOURCE_INPUT });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const reader = await as('reader')(CREATE_SOURCE, { input: SOURCE_INPUT });
    expect(reader.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(reader.errors?.[0]?.message).toContain('editor role');
    const editor = await as('editor')(CREATE_SOURCE, { input: SOURCE_INPUT });
    expect(editor.errors).toBeUndefined();
    expect(editor.data?.createSource).toEqual({
      id: 'edit-test:source',
      title: 'A test statement',
      published: { text: '2025-06', precision: 'MONTH' },
    });
  });

  it('refuses an unknown or revoked key even for reads', async () => {
    const bogus = await api().graphql(
      '{ health { nodeCount } }',
      {},
      { authorization: 'Bearer agk_000000000000_notavalidsecretnotavalidsecretnotavalidsec' },
    );
    expect(bogus.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const { key, info } = await createApiKey(api().db, 'short-lived', 'editor');
    expect((await api().graphql('{ health { nodeCount } }', {}, { authorization: `Bearer ${key}` })).errors).toBeUndefined();
    await revokeApiKey(api().db, info.id);
    const revoked = await api().graphql('{ health { nodeCount } }', {}, { authorization: `Bearer ${key}` });
    expect(revoked.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('can require a key for reads too', async () => {
    const closed = await startTestApi({ requireKeyForReads: true });
    try {
      const anonymous = await closed.graphql('{ health { nodeCount } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      const reader = await closed.graphql('{ health { nodeCount } }', {}, { authorization: `Bearer ${keys.reader}` });
      expect(reader.errors).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});

/**
 * A source and a threat actor citing it, created through the mutations, with ids of the test's own
 * (`edit-test:<name>:…`), so that each test stands on its own.
 */
async function fixture(name: string): Promise<{ source: string; actor: string }> {
  const source = `edit-test:${name}:source`;
  const actor = `edit-test:${name}:actor`;
  const created = await as('editor')(CREATE_SOURCE, { input: { ...SOURCE_INPUT, id: source } });
  expect(created.errors).toBeUndefined();
  const entity = await as('editor')(CREATE_ENTITY, {
    kind: 'ThreatActor',
    input: { id: actor, name: `Test Group ${name}`, citations: [{ sourceId: source }] },
  });
  expect(entity.errors).toBeUndefined();
  return { source, actor };
}

const LINK = `mutation($input: LinkInput!) { link(input: $input) { type node { id } confidence { score } claimedBy { id } } }`;

describe('mutations', () => {
  it('create an entity with aliases and sources, recorded in its history', async () => {
    const { source } = await fixture('create');
    const { data, errors } = await as('editor')(CREATE_ENTITY, {
      kind: 'ThreatActor',
      input: {
        id: 'edit-test:create:tga',
        name: 'Test Group TGA',
        aliases: [{ name: 'TGA', givenBy: 'Test vendor', citations: [{ sourceId: source }] }],
        citations: [{ sourceId: source, quote: 'Test Group TGA did it' }],
      },
    });
    expect(errors).toBeUndefined();
    expect(data?.createEntity).toMatchObject({ id: 'edit-test:create:tga', kind: 'ThreatActor', aliases: [{ name: 'TGA' }] });
    const found = await as('reader')(
      '{ threatActor(name: "tga") { id } history(id: "edit-test:create:tga") { operation by { name } mutationId changeSetId } }',
    );
    expect(found.data?.threatActor).toEqual({ id: 'edit-test:create:tga' });
    // A reader learns that a key made the change; only an admin sees which.
    expect(found.data?.history).toEqual([
      { operation: 'CREATE', by: { name: 'an API key' }, mutationId: expect.any(String), changeSetId: expect.any(String) },
    ]);
    const asAdmin = await as('admin')('{ history(id: "edit-test:create:tga") { by { name } } }');
    expect(asAdmin.data?.history).toEqual([{ by: { name: 'test editor' } }]);
    // The former name of the mutation id answers the same id.
    expect(found.data?.history[0].changeSetId).toBe(found.data?.history[0].mutationId);
  });

  it('refuse invalid input with BAD_USER_INPUT naming the field, and write nothing', async () => {
    const { source, actor } = await fixture('invalid');
    const before = await counts();
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [CREATE_SOURCE, { input: { title: 'x', url: 'javascript:alert(1)' } }, /^input\.url: /],
      [CREATE_SOURCE, { input: { title: 'x', published: '2025-02-30' } }, /^input\.published: .*not a calendar date/],
      [
        CREATE_ENTITY,
        { kind: 'ThreatActor', input: { name: 'x'.repeat(301), citations: [{ sourceId: source }] } },
        /^input\.name: must be at most 300/,
      ],
      [
        CREATE_ENTITY,
        { kind: 'ThreatActor', input: { name: 'No sources', citations: [] } },
        /^input\.citations: must cite at least one source/,
      ],
      [
        CREATE_ENTITY,
        { kind: 'ThreatActor', input: { name: 'Unknown source', citations: [{ sourceId: 'source:does-not-exist' }] } },
        /^input\.citations\[0\]\.sourceId: there is no Source source:does-not-exist$/,
      ],
      [
        CREATE_ENTITY,
        { kind: 'ThreatActor', input: { name: 'Cites an actor', citations: [{ sourceId: actor }] } },
        new RegExp(`^input\\.citations\\[0\\]\\.sourceId: ${actor} is a ThreatActor, not a Source$`),
      ],
      [
        CREATE_ENTITY,
        { kind: 'State', input: { name: 'Ruritania', isoCode: 'ruritania', citations: [{ sourceId: source }] } },
        /^input\.isoCode: /,
      ],
      [
        LINK,
        { input: { from: actor, to: 'state:cn', type: 'SPONSORED_BY', confidence: 150, citations: [{ sourceId: source }] } },
        /^input\.confidence: must be a whole number from 0 to 100/,
      ],
      [
        LINK,
        { input: { from: actor, to: 'state:nowhere', type: 'SPONSORED_BY', citations: [{ sourceId: source }] } },
        /^input\.to: there is no entity state:nowhere$/,
      ],
      [
        `mutation($input: ResponseInput!) { recordResponse(input: $input) { id } }`,
        {
          input: {
            types: ['ATTRIBUTION'],
            name: 'Unknown campaign',
            date: '2025',
            issuerId: 'state:us',
            concernsIds: ['campaign:apt31-cz-mfa-2022', 'campaign:nowhere'],
            citations: [{ sourceId: source }],
          },
        },
        /^input\.concernsIds\[1\]: there is no entity campaign:nowhere$/,
      ],
    ];
    for (const [query, variables, message] of cases) {
      const { errors } = await as('editor')(query, variables);
      expect(errors?.[0]?.extensions.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message, JSON.stringify(variables)).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('record a response with issuer, date, stances and sources in one call', async () => {
    const { source, actor } = await fixture('response');
    const { data, errors } = await as('editor')(
      `mutation($input: ResponseInput!) { recordResponse(input: $input) {
        id types date { text precision } issuer { id } confidence { score text }
        stances { stance target { id } citations { quote } } } }`,
      {
        input: {
          id: 'edit-test:response:response',
          types: ['ATTRIBUTION'],
          name: 'Test ministry attributes the campaign',
          date: '2025-06',
          issuerId: 'state:us',
          concernsIds: ['campaign:apt31-cz-mfa-2022'],
          confidenceText: 'almost certainly',
          stances: [{ targetId: actor, stance: 'NAMES_RESPONSIBLE', citations: [{ sourceId: source, quote: 'Test Group A' }] }],
          citations: [{ sourceId: source }],
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.recordResponse).toMatchObject({
      types: ['ATTRIBUTION'],
      date: { text: '2025-06', precision: 'MONTH' },
      issuer: { id: 'state:us' },
      confidence: { score: 95, text: 'almost certainly' },
      stances: [{ stance: 'NAMES_RESPONSIBLE', target: { id: actor }, citations: [{ quote: 'Test Group A' }] }],
    });
    const listed = await as(null)(
      '{ responses(filter: { campaignId: "campaign:apt31-cz-mfa-2022", types: [ATTRIBUTION] }) { edges { node { id } } } }',
    );
    expect(listed.data?.responses.edges.map((edge: Json) => edge.node.id)).toContain('edit-test:response:response');
  });

  it('link two entities with confidence and sources; update adds aliases and keeps the rest', async () => {
    const { source, actor } = await fixture('link');
    const linked = await as('editor')(LINK, {
      input: {
        from: actor,
        to: 'state:cn',
        type: 'SPONSORED_BY',
        confidence: 40,
        claimedById: 'state:us',
        citations: [{ sourceId: source }],
      },
    });
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.link).toEqual({
      type: 'SPONSORED_BY',
      node: { id: 'state:cn' },
      confidence: { score: 40 },
      claimedBy: { id: 'state:us' },
    });
    const updated = await as('editor')(
      `mutation { updateEntity(id: "${actor}", input: { description: "Updated.", addAliases: [{ name: "Group Alpha", citations: [{ sourceId: "${source}" }] }] }) { name description aliases { name } citations { source { id } } } }`,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateEntity.name).toBe('Test Group link');
    expect(updated.data?.updateEntity.description).toBe('Updated.');
    expect(updated.data?.updateEntity.aliases.map((a: Json) => a.name)).toEqual(['Group Alpha']);
    const history = await as('reader')(`{ history(id: "${actor}") { operation } }`);
    expect(history.data?.history.map((c: Json) => c.operation)).toEqual(['UPDATE', 'LINK', 'CREATE']);
  });

  it('link answers the link it wrote: two links of one type from one entity in one request', async () => {
    const { source, actor } = await fixture('two-links');
    const { data, errors } = await as('editor')(
      `mutation($one: LinkInput!, $two: LinkInput!) {
        one: link(input: $one) { type node { id } claimedBy { id } }
        two: link(input: $two) { type node { id } claimedBy { id } } }`,
      {
        one: { from: actor, to: 'state:cn', type: 'SPONSORED_BY', claimedById: 'state:us', citations: [{ sourceId: source }] },
        two: { from: actor, to: 'state:cn', type: 'SPONSORED_BY', claimedById: 'state:cz', citations: [{ sourceId: source }] },
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      one: { type: 'SPONSORED_BY', node: { id: 'state:cn' }, claimedBy: { id: 'state:us' } },
      two: { type: 'SPONSORED_BY', node: { id: 'state:cn' }, claimedBy: { id: 'state:cz' } },
    });
  });

  it('link answers the link it wrote however many links of its type the entity has', async () => {
    const { source, actor } = await fixture('many-links');
    const cite = [{ sourceId: source, quote: null }];
    const targets = Array.from({ length: 501 }, (_, index) => `edit-test:many-links:target-${String(index).padStart(3, '0')}`);
    await applyChangeset(api().db, {
      origin: 'editing test: many links',
      entities: [...targets, 'edit-test:many-links:zz-last'].map((id) => ({
        id,
        kind: 'Organization' as const,
        name: id,
        description: null,
        props: {},
        dates: {},
        aliases: [],
        citations: cite,
      })),
      relationships: targets.map((to) => ({
        type: 'MEMBER_OF' as const,
        from: actor,
        to,
        key: '',
        props: {},
        dates: {},
        citations: cite,
      })),
    });
    const { data, errors } = await as('editor')(LINK, {
      input: { from: actor, to: 'edit-test:many-links:zz-last', type: 'MEMBER_OF', citations: [{ sourceId: source }] },
    });
    expect(errors).toBeUndefined();
    expect(data?.link).toMatchObject({ type: 'MEMBER_OF', node: { id: 'edit-test:many-links:zz-last' } });
  }, 180_000);

  it('merge two entities (admin only), and undo the merge', async () => {
    const { source, actor: keep } = await fixture('merge');
    const mergeId = 'edit-test:merge:other';
    await as('editor')(CREATE_ENTITY, {
      kind: 'ThreatActor',
      input: { id: mergeId, name: 'Test Group merged away', citations: [{ sourceId: source }] },
    });
    await as('editor')(LINK, {
      input: {
        from: 'campaign:apt31-cz-mfa-2022',
        to: mergeId,
        type: 'CONDUCTED_BY',
        claimedById: 'state:us',
        citations: [{ sourceId: source }],
      },
    });
    const MERGE = `mutation { mergeEntities(keepId: "${keep}", mergeId: "${mergeId}", reason: "same group") { id aliases { name } ... on ThreatActor { campaigns { node { id } } } } }`;
    const byEditor = await as('editor')(MERGE);
    expect(byEditor.errors?.[0]?.message).toContain('admin role');
    expect(byEditor.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const merged = await as('admin')(MERGE);
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeEntities.aliases.map((a: Json) => a.name)).toContain('Test Group merged away');
    expect(merged.data?.mergeEntities.campaigns).toEqual([{ node: { id: 'campaign:apt31-cz-mfa-2022' } }]);
    expect((await as(null)(`{ node(id: "${mergeId}") { id } }`)).data?.node).toBeNull();
    expect((await as(null)('{ threatActor(name: "test group merged away") { id } }')).data?.threatActor).toEqual({ id: keep });

    const [change] = (await as('reader')(`{ history(id: "${keep}") { id operation mutationId } }`)).data?.history as Json[];
    expect(change?.operation).toBe('MERGE');
    // Both entries of the merge carry the merge's mutation id.
    const away = (await as('reader')(`{ history(id: "${mergeId}") { operation mutationId } }`)).data?.history as Json[];
    expect(away[0]).toEqual({ operation: 'MERGED_AWAY', mutationId: change!.mutationId });
    const undone = await as('admin')(
      `mutation { undoMerge(changeId: "${change!.id}") { id aliases { name } ... on ThreatActor { campaigns { node { id } } } } }`,
    );
    expect(undone.errors).toBeUndefined();
    expect(undone.data?.undoMerge.aliases.map((a: Json) => a.name)).not.toContain('Test Group merged away');
    expect(undone.data?.undoMerge.campaigns).toEqual([]);
    const restored = await as(null)(`{ threatActor(id: "${mergeId}") { name campaigns { node { id } } } }`);
    expect(restored.data?.threatActor).toEqual({
      name: 'Test Group merged away',
      campaigns: [{ node: { id: 'campaign:apt31-cz-mfa-2022' } }],
    });
    const marked = (await as('reader')(`{ history(id: "${mergeId}") { operation undoneAt } }`)).data?.history as Json[];
    expect(marked.find((entry) => entry.operation === 'MERGED_AWAY')?.undoneAt).toEqual(expect.any(String));
    const again = await as('admin')(`mutation { undoMerge(changeId: "${change!.id}") { id } }`);
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');
  }, 180_000);

  it('delete keeps what it removed in the audit trail, and refuses to delete a source still cited', async () => {
    const { source, actor } = await fixture('delete');
    const cited = await as('editor')(`mutation { deleteEntity(id: "${source}", reason: "test") { id } }`);
    expect(cited.errors?.[0]?.extensions.code).toBe('CONFLICT');
    for (const id of [actor, source]) {
      const deleted = await as('editor')(`mutation { deleteEntity(id: "${id}", reason: "test clean-up") { id changeId } }`);
      expect(deleted.errors, id).toBeUndefined();
    }
    const gone = await as('reader')(`{ node(id: "${actor}") { id } history(id: "${actor}") { operation reason before } }`);
    expect(gone.data?.node).toBeNull();
    const [deletion] = gone.data?.history as Json[];
    expect(deletion).toMatchObject({ operation: 'DELETE', reason: 'test clean-up' });
    expect(JSON.parse(deletion!.before).entity.name).toBe('Test Group delete');
  });
});

describe('abuse limits', () => {
  it('refuse deep, alias-heavy and oversized requests by default', async () => {
    // sponsors → node → sponsoredActors → node → … : 16 levels, over the default limit of 12.
    let selection = 'name';
    for (let level = 0; level < 4; level += 1) selection = `sponsors { node { sponsoredActors { node { ${selection} } } } }`;
    const deep = `{ threatActor(id: "actor:apt31") { ${selection} } }`;
    const tooDeep = await as(null)(deep);
    expect(tooDeep.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: node(id: "actor:apt31") { id }`).join(' ')} }`;
    const tooManyAliases = await as(null)(aliases);
    expect(tooManyAliases.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(tooManyAliases.errors?.[0]?.message).toMatch(/aliases/i);
    const huge = await fetch(`${api().baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { nodeCount } }`, variables: { padding: 'x'.repeat(2_000_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as Json).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('can turn introspection off', async () => {
    const closed = await startTestApi({ introspection: false });
    try {
      const result = await closed.graphql('{ __schema { types { name } } }');
      expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await closed.close();
    }
  });
});

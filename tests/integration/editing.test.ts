import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../src/auth/apiKeys.js';
import { startTestApi, useSeededApi } from '../support/api.js';

// Editing through /graphql with API keys: who may write, validated input, one transaction per
// mutation, the audit trail, merges and their undo. Test entities use the `edit-test:` id prefix.
const api = useSeededApi();
const keys: Record<'reader' | 'editor' | 'admin', string> = { reader: '', editor: '', admin: '' };
beforeAll(async () => {
  for (const role of ['reader', 'editor', 'admin'] as const)
    keys[role] = (await createApiKey(api().db, `test ${role}`, role)).key;
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

describe('mutations', () => {
  it('create an entity with aliases and sources, recorded in its history', async () => {
    const { data, errors } = await as('editor')(CREATE_ENTITY, {
      kind: 'ThreatActor',
      input: {
        id: 'edit-test:actor-a',
        name: 'Test Group A',
        aliases: [{ name: 'TGA', givenBy: 'Test vendor', citations: [{ sourceId: 'edit-test:source' }] }],
        citations: [{ sourceId: 'edit-test:source', quote: 'Test Group A did it' }],
      },
    });
    expect(errors).toBeUndefined();
    expect(data?.createEntity).toMatchObject({ id: 'edit-test:actor-a', kind: 'ThreatActor', aliases: [{ name: 'TGA' }] });
    const found = await as('reader')(
      '{ threatActor(name: "tga") { id } history(id: "edit-test:actor-a") { operation by { name } } }',
    );
    expect(found.data?.threatActor).toEqual({ id: 'edit-test:actor-a' });
    expect(found.data?.history).toEqual([{ operation: 'CREATE', by: { name: 'test editor' } }]);
  });

  it('refuse invalid input with BAD_USER_INPUT naming the field, and write nothing', async () => {
    const before = await counts();
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [CREATE_SOURCE, { input: { title: 'x', url: 'javascript:alert(1)' } }, /^input\.url: /],
      [CREATE_SOURCE, { input: { title: 'x', published: '2025-02-30' } }, /^input\.published: .*not a calendar date/],
      [
        CREATE_ENTITY,
        { kind: 'ThreatActor', input: { name: 'x'.repeat(301), citations: [{ sourceId: 'edit-test:source' }] } },
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
        /source:does-not-exist, which is not a Source/,
      ],
      [
        CREATE_ENTITY,
        { kind: 'State', input: { name: 'Ruritania', isoCode: 'ruritania', citations: [{ sourceId: 'edit-test:source' }] } },
        /^input\.isoCode: /,
      ],
      [
        `mutation($input: LinkInput!) { link(input: $input) { type } }`,
        {
          input: {
            from: 'edit-test:actor-a',
            to: 'state:cn',
            type: 'SPONSORED_BY',
            confidence: 150,
            citations: [{ sourceId: 'edit-test:source' }],
          },
        },
        /^input\.confidence: must be a whole number from 0 to 100/,
      ],
      [
        `mutation($input: LinkInput!) { link(input: $input) { type } }`,
        {
          input: {
            from: 'edit-test:actor-a',
            to: 'state:nowhere',
            type: 'SPONSORED_BY',
            citations: [{ sourceId: 'edit-test:source' }],
          },
        },
        /state:nowhere is neither in the changeset nor in the graph/,
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
    const { data, errors } = await as('editor')(
      `mutation($input: ResponseInput!) { recordResponse(input: $input) {
        id types date { text precision } issuer { id } confidence { score text }
        stances { stance target { id } citations { quote } } } }`,
      {
        input: {
          id: 'edit-test:response',
          types: ['ATTRIBUTION'],
          name: 'Test ministry attributes the campaign',
          date: '2025-06',
          issuerId: 'state:us',
          concernsIds: ['campaign:apt31-cz-mfa-2022'],
          confidenceText: 'almost certainly',
          stances: [
            {
              targetId: 'edit-test:actor-a',
              stance: 'NAMES_RESPONSIBLE',
              citations: [{ sourceId: 'edit-test:source', quote: 'Test Group A' }],
            },
          ],
          citations: [{ sourceId: 'edit-test:source' }],
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.recordResponse).toMatchObject({
      types: ['ATTRIBUTION'],
      date: { text: '2025-06', precision: 'MONTH' },
      issuer: { id: 'state:us' },
      confidence: { score: 95, text: 'almost certainly' },
      stances: [{ stance: 'NAMES_RESPONSIBLE', target: { id: 'edit-test:actor-a' }, citations: [{ quote: 'Test Group A' }] }],
    });
    const listed = await as(null)(
      '{ responses(filter: { campaignId: "campaign:apt31-cz-mfa-2022", types: [ATTRIBUTION] }) { totalCount } }',
    );
    expect(listed.data?.responses.totalCount).toBe(2);
  });

  it('link two entities with confidence and sources; update adds aliases and keeps the rest', async () => {
    const linked = await as('editor')(
      `mutation($input: LinkInput!) { link(input: $input) { type node { id } confidence { score } claimedBy { id } } }`,
      {
        input: {
          from: 'edit-test:actor-a',
          to: 'state:cn',
          type: 'SPONSORED_BY',
          confidence: 40,
          claimedById: 'state:us',
          citations: [{ sourceId: 'edit-test:source' }],
        },
      },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.link).toEqual({
      type: 'SPONSORED_BY',
      node: { id: 'state:cn' },
      confidence: { score: 40 },
      claimedBy: { id: 'state:us' },
    });
    const updated = await as('editor')(
      `mutation { updateEntity(id: "edit-test:actor-a", input: { description: "Updated.", addAliases: [{ name: "Group Alpha", citations: [{ sourceId: "edit-test:source" }] }] }) { name description aliases { name } citations { source { id } } } }`,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateEntity.name).toBe('Test Group A');
    expect(updated.data?.updateEntity.description).toBe('Updated.');
    expect(updated.data?.updateEntity.aliases.map((a: Json) => a.name).sort()).toEqual(['Group Alpha', 'TGA']);
    const history = await as('reader')('{ history(id: "edit-test:actor-a") { operation } }');
    expect(history.data?.history.map((c: Json) => c.operation)).toEqual(['UPDATE', 'LINK', 'CREATE']);
  });

  it('merge two entities (admin only), and undo the merge', async () => {
    await as('editor')(CREATE_ENTITY, {
      kind: 'ThreatActor',
      input: { id: 'edit-test:actor-b', name: 'Test Group B', citations: [{ sourceId: 'edit-test:source' }] },
    });
    await as('editor')(`mutation($input: LinkInput!) { link(input: $input) { type } }`, {
      input: {
        from: 'campaign:apt31-cz-mfa-2022',
        to: 'edit-test:actor-b',
        type: 'CONDUCTED_BY',
        claimedById: 'state:us',
        citations: [{ sourceId: 'edit-test:source' }],
      },
    });
    const MERGE =
      'mutation { mergeEntities(keepId: "edit-test:actor-a", mergeId: "edit-test:actor-b", reason: "same group") { id aliases { name } ... on ThreatActor { campaigns { node { id } } } } }';
    const byEditor = await as('editor')(MERGE);
    expect(byEditor.errors?.[0]?.message).toContain('admin role');
    expect(byEditor.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const merged = await as('admin')(MERGE);
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeEntities.aliases.map((a: Json) => a.name)).toContain('Test Group B');
    expect(merged.data?.mergeEntities.campaigns).toEqual([{ node: { id: 'campaign:apt31-cz-mfa-2022' } }]);
    expect((await as(null)('{ node(id: "edit-test:actor-b") { id } }')).data?.node).toBeNull();
    expect((await as(null)('{ threatActor(name: "test group b") { id } }')).data?.threatActor).toEqual({
      id: 'edit-test:actor-a',
    });

    const [change] = (await as('reader')('{ history(id: "edit-test:actor-a") { id operation } }')).data?.history as Json[];
    expect(change?.operation).toBe('MERGE');
    const undone = await as('admin')(
      `mutation { undoMerge(changeId: "${change!.id}") { id aliases { name } ... on ThreatActor { campaigns { node { id } } } } }`,
    );
    expect(undone.errors).toBeUndefined();
    expect(undone.data?.undoMerge.aliases.map((a: Json) => a.name)).not.toContain('Test Group B');
    expect(undone.data?.undoMerge.campaigns).toEqual([]);
    const restored = await as(null)('{ threatActor(id: "edit-test:actor-b") { name campaigns { node { id } } } }');
    expect(restored.data?.threatActor).toEqual({
      name: 'Test Group B',
      campaigns: [{ node: { id: 'campaign:apt31-cz-mfa-2022' } }],
    });
    const again = await as('admin')(`mutation { undoMerge(changeId: "${change!.id}") { id } }`);
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('delete keeps what it removed in the audit trail, and refuses to delete a source still cited', async () => {
    const cited = await as('editor')('mutation { deleteEntity(id: "edit-test:source", reason: "test") { id } }');
    expect(cited.errors?.[0]?.extensions.code).toBe('CONFLICT');
    for (const id of ['edit-test:response', 'edit-test:actor-a', 'edit-test:actor-b', 'edit-test:source']) {
      const deleted = await as('editor')(`mutation { deleteEntity(id: "${id}", reason: "test clean-up") { id changeId } }`);
      expect(deleted.errors, id).toBeUndefined();
    }
    const gone = await as('reader')(
      '{ node(id: "edit-test:actor-a") { id } history(id: "edit-test:actor-a") { operation reason before } }',
    );
    expect(gone.data?.node).toBeNull();
    const [deletion] = gone.data?.history as Json[];
    expect(deletion).toMatchObject({ operation: 'DELETE', reason: 'test clean-up' });
    expect(JSON.parse(deletion!.before).entity.name).toBe('Test Group A');
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
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
          as('editor')(CREATE_ENTITY, { kind: 'ThreatActor', input: { id, name: `Racer ${index}`, citations: cites } }),
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

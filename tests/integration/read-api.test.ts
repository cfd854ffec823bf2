import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChangeset } from '../../src/write/apply.js';
import { ChangesetError } from '../../src/write/changeset.js';
import { readSeedFile, seedFiles } from '../../src/ingest/seed.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { useSeededApi } from '../support/api.js';

const api = useSeededApi();

type Json = Record<string, any>;

async function data(query: string, variables?: Record<string, unknown>): Promise<Json> {
  const result = await api().graphql<Json>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function errorOf(query: string, variables?: Record<string, unknown>): Promise<{ message: string; code: unknown }> {
  const result = await api().graphql(query, variables);
  expect(result.errors?.length).toBeGreaterThan(0);
  return { message: result.errors![0]!.message, code: result.errors![0]!.extensions.code };
}

describe('lookups', () => {
  it('node(id) and entity(id) return the entity, and null for an unknown id', async () => {
    const result = await data(
      '{ a: node(id: "actor:apt31") { id ... on Entity { kind name } } b: node(id: "actor:nobody") { id } c: entity(id: "actor:apt31") { id kind name } }',
    );
    expect(result.a).toEqual({ id: 'actor:apt31', kind: 'ThreatActor', name: 'APT31' });
    expect(result.b).toBeNull();
    expect(result.c).toEqual(result.a);
  });

  it('finds entities by any name or alias, ignoring case, spaces and punctuation', async () => {
    for (const name of ['APT31', 'apt 31', 'Apt-31', 'Advanced Persistent Threat Group 31']) {
      const result = await data('query($name: String!) { threatActor(name: $name) { id } }', { name });
      expect(result.threatActor, name).toEqual({ id: 'actor:apt31' });
    }
    const states = await data('{ lookup(name: "beijing") { id kind } czechia: state(name: "CZECHIA") { id } }');
    expect(states.lookup).toEqual([{ id: 'state:cn', kind: 'State' }]);
    expect(states.czechia).toEqual({ id: 'state:cz' });
    // Asked for names, descriptions or more, the same entities answer alike.
    const named = await data('{ lookup(name: "APT31") { id kind name } }');
    const whole = await data(
      '{ lookup(name: "APT31") { id kind name description knownSince citations { quote } ... on ThreatActor { attackIds } } }',
    );
    expect(named.lookup).toEqual(whole.lookup.map(({ id, kind, name }: Json) => ({ id, kind, name })));
    expect(whole.lookup[0].description).toMatch(/^Advanced Persistent Threat Group 31/);
    expect(whole.lookup[0].citations.length).toBeGreaterThan(0);
    const described = await data('{ lookup(name: "APT31") { id description } }');
    expect(described.lookup).toEqual(whole.lookup.map(({ id, description }: Json) => ({ id, description })));
  });

  it('returns aliases with who gives each and their sources', async () => {
    const { state } = await data('{ state(id: "state:cn") { aliases { name givenBy citations { quote source { id } } } } }');
    const beijing = state.aliases.find((alias: Json) => alias.name === 'Beijing');
    expect(beijing.givenBy).toBe('United Press International (UPI)');
    expect(beijing.citations[0].quote).toBe('acknowledged the Czechs’ accusation of Beijing for the attack');
  });

  it('a typed lookup of the wrong kind is null', async () => {
    expect((await data('{ state(id: "actor:apt31") { id } }')).state).toBeNull();
  });
});

describe('lists', () => {
  it('pages with cursors and counts the whole list', async () => {
    const first = await data(
      '{ states(first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.states.totalCount).toBe(3);
    expect(first.states.edges.map((e: Json) => e.node.name)).toEqual(['Czech Republic', "People's Republic of China"]);
    expect(first.states.pageInfo.hasNextPage).toBe(true);
    const second = await data(
      'query($after: String) { states(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }',
      {
        after: first.states.pageInfo.endCursor,
      },
    );
    expect(second.states.edges.map((e: Json) => e.node.name)).toEqual(['United States']);
    expect(second.states.pageInfo.hasNextPage).toBe(false);
  });

  it('lists responses newest first, filtered by type, issuer, stance, campaign and date', async () => {
    const all = await data('{ responses(first: 50) { totalCount edges { node { id date { text } } } } }');
    expect(all.responses.totalCount).toBe(6);
    expect(all.responses.edges.at(-1).node.id).toBe('response:eu-call-on-china-2021');

    const page = async (filter: string): Promise<string[]> =>
      (await data(`{ responses(filter: ${filter}, first: 50) { edges { node { id } } } }`)).responses.edges
        .map((e: Json) => e.node.id)
        .sort();
    expect(await page('{ types: [CONDEMNATION] }')).toEqual(['response:cz-mfa-condemnation-2025-05-28']);
    expect(await page('{ issuerId: "org:eu" }')).toEqual(['response:eu-call-on-china-2021', 'response:eu-statement-2025-05-28']);
    expect(await page('{ namesResponsibleId: "state:cn" }')).toEqual(['response:cz-attribution-2025-05-28']);
    expect(await page('{ refersToId: "state:cn", stance: DOES_NOT_NAME }')).toEqual([
      'response:eu-statement-2025-05-28',
      'response:nato-solidarity-2025-05-28',
    ]);
    expect(await page('{ campaignId: "campaign:apt31-critics-businesses-officials" }')).toEqual([
      'response:us-indictment-apt31-2024',
    ]);
    // A year-precise date overlaps any range that touches its year.
    expect(await page('{ from: "2021-06", to: "2024" }')).toEqual([
      'response:eu-call-on-china-2021',
      'response:us-indictment-apt31-2024',
    ]);
    expect(await page('{ from: "2025-05-28" }')).toHaveLength(4);
  });

  it('filters actors by sponsor, campaigns by target, perpetrator and start, organisations by member', async () => {
    const result = await data(`{
      sponsored: threatActors(filter: { sponsorId: "state:cn" }) { totalCount edges { node { id } } }
      none: threatActors(filter: { sponsorId: "state:us" }) { totalCount }
      byName: threatActors(filter: { nameContains: "threat group" }) { edges { node { id } } }
      targeted: campaigns(filter: { targetId: "org:cz-mfa" }) { edges { node { id } } }
      conducted: campaigns(filter: { perpetratorId: "actor:apt31" }) { totalCount }
      started: campaigns(filter: { startedFrom: "2022-03", startedTo: "2022-03" }) { edges { node { id } } }
      alliances: organizations(filter: { hasMemberId: "state:cz" }) { edges { node { id } } }
    }`);
    expect(result.sponsored.edges).toEqual([{ node: { id: 'actor:apt31' } }]);
    expect(result.none.totalCount).toBe(0);
    expect(result.byName.edges).toEqual([{ node: { id: 'actor:apt31' } }]);
    expect(result.targeted.edges).toEqual([{ node: { id: 'campaign:apt31-cz-mfa-2022' } }]);
    expect(result.conducted.totalCount).toBe(2);
    expect(result.started.edges).toEqual([{ node: { id: 'campaign:apt31-cz-mfa-2022' } }]);
    expect(result.alliances.edges.map((e: Json) => e.node.id).sort()).toEqual(['org:eu', 'org:nato']);
  });

  it('refuses bad arguments with BAD_USER_INPUT naming the argument', async () => {
    const badDate = await errorOf('{ responses(filter: { from: "28 May 2025" }) { totalCount } }');
    expect(badDate).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(badDate.message).toMatch(/^filter\.from: /);
    const badCursor = await errorOf('{ states(after: "not-a-cursor") { totalCount } }');
    expect(badCursor).toMatchObject({ code: 'BAD_USER_INPUT', message: 'after: is not a cursor this list returned' });
    expect((await errorOf('{ states(first: 1000) { totalCount } }')).message).toMatch(/^first: must be from 1 to 100/);
    const badEnum = await errorOf('{ responses(filter: { types: [HUG] }) { totalCount } }');
    expect(badEnum.message).toContain('HUG');
  });
});

describe('full-text search', () => {
  it('ranks matches on names, aliases and descriptions across kinds', async () => {
    const result = await data('{ search(text: "solidarity") { score entity { id kind } } }');
    expect(result.search[0].entity).toEqual({ id: 'response:nato-solidarity-2025-05-28', kind: 'Response' });
    const byAlias = await data('{ search(text: "Czechia", kinds: [State]) { entity { id } } }');
    expect(byAlias.search.map((hit: Json) => hit.entity.id)).toEqual(['state:cz']);
    const prefix = await data('{ search(text: "Kall") { entity { id } } }');
    expect(prefix.search.map((hit: Json) => hit.entity.id)).toContain('person:kaja-kallas');
  });

  it('answers hits asked for names alone, with descriptions, or with any other field alike', async () => {
    const names = await data('{ search(text: "APT31 Czech") { score entity { id kind name } } }');
    const described = await data('{ search(text: "APT31 Czech") { score entity { id kind name description knownSince } } }');
    const whole = await data(
      '{ search(text: "APT31 Czech") { score entity { id kind name description knownSince citations { quote } ... on ThreatActor { attackIds } } } }',
    );
    const brief = (result: Json) =>
      result.search.map((hit: Json) => [hit.score, hit.entity.id, hit.entity.kind, hit.entity.name]);
    expect(brief(names)).toEqual(brief(whole));
    expect(brief(described)).toEqual(brief(whole));
    expect(described.search.map((hit: Json) => [hit.entity.description, hit.entity.knownSince])).toEqual(
      whole.search.map((hit: Json) => [hit.entity.description, hit.entity.knownSince]),
    );
    const apt31 = whole.search.find((hit: Json) => hit.entity.id === 'actor:apt31');
    expect(apt31.entity.citations.length).toBeGreaterThan(0);
    expect(described.search.find((hit: Json) => hit.entity.id === 'actor:apt31').entity.description).toMatch(
      /^Advanced Persistent/,
    );
  });

  it('treats Lucene syntax in the text as words, not as a query', async () => {
    const result = await data('{ search(text: "APT31) OR (name:*") { entity { id } } }');
    expect(result.search.map((hit: Json) => hit.entity.id)).toContain('actor:apt31');
  });
});

describe('batching', () => {
  it('resolves nested relationships with one statement per level, however many parents (no N+1)', async () => {
    const nested = `query($first: Int) { states(first: $first) { edges { node {
      memberOf { node { name } citations { source { title } } }
      responsesIssued { issuer { name } stances { target { name } } }
    } } } }`;
    const count = async (first: number): Promise<number> => {
      const before = api().db.statementsRun;
      await data(nested, { first });
      return api().db.statementsRun - before;
    };
    const one = await count(1);
    const three = await count(3);
    expect(three).toBe(one);
    expect(three).toBeLessThanOrEqual(8);
  });
});

describe('the seed write path', () => {
  it('is idempotent: applying the seed again changes nothing', async () => {
    const reports = await seedGraph(api().db);
    for (const report of reports) expect(report.unchanged).toBe(true);
  });

  it('refuses a malformed data file, naming the problems, and writes nothing', async () => {
    const changeset = readSeedFile(seedFiles()[0]!);
    const broken = {
      ...changeset,
      origin: 'broken copy of the seed',
      entities: [
        ...changeset.entities,
        { ...changeset.entities.find((e) => e.kind === 'ThreatActor')!, id: 'actor:unsourced', citations: [] },
      ],
      relationships: [...changeset.relationships, { ...changeset.relationships[0]!, to: 'org:missing', key: 'x' }],
    };
    const [before] = await api().db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
    const error = await applyChangeset(api().db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangesetError);
    expect((error as Error).message).toContain('actor:unsourced: cites no source');
    expect((error as Error).message).toContain('org:missing is neither in the changeset nor in the graph');
    const [after] = await api().db.read<{ nodeCount: number; relationshipCount: number }>('health/counts');
    expect(after).toEqual(before);
  });

  it('names the field when a data file has the wrong shape', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-')), 'bad.yaml');
    fs.writeFileSync(file, 'responses:\n  - id: response:x\n    types: [HUG]\n    issuedBy: state:cz\n    date: 2025-02-30\n');
    expect(() => readSeedFile(file)).toThrow(/response type "HUG" is not one of/);
    expect(() => readSeedFile(file)).toThrow(/date: "2025-02-30" is not a calendar date/);
  });
});

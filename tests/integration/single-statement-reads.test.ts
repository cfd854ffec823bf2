import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../support/api.js';

// Selections that src/graphql/preload.ts answers with one statement (read/entity-with-links), and
// lookups answered from read/entity-summaries-by-id, must answer exactly as the loaders do, in the
// same order. The same query with `revoked` asked of every far end (a field a summary row has not)
// is answered by the loaders alone: the two answers, without `revoked`, must be equal.

const api = useSeededApi();

type Json = Record<string, unknown>;

async function data(query: string): Promise<Json> {
  const result = await api().graphql<Json>(query);
  expect(result.errors, query).toBeUndefined();
  return result.data!;
}

function withoutRevoked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRevoked);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'revoked')
      .map(([key, inner]) => [key, withoutRevoked(inner)]),
  );
}

/** The query as it is, and as the loaders alone answer it; both answers, compared. */
async function expectSameAnswers(query: string): Promise<Json> {
  const planned = await data(query);
  const loaders = await data(
    query.replaceAll('node {', 'node { revoked ').replace(/^\{ (\w+)\(([^)]*)\) \{/, '{ $1($2) { revoked '),
  );
  expect(planned).toEqual(withoutRevoked(loaders));
  return planned;
}

describe('single-statement reads answer as the loaders do', () => {
  it("an actor's techniques, campaigns and their targets, sponsors with their claims' properties", async () => {
    const answer = await expectSameAnswers(`{ threatActor(id: "actor:apt31") {
      id name
      uses { node { id name } }
      campaigns { type direction node { id name kind targets { type node { id name description knownSince } } conductedBy { node { id } } } }
      sponsors { confidence { score text } citations { quote source { id } } knownSince relationshipId claimedBy { id } node { id name } }
      members { node { __typename id } }
      possiblySameAs { node { id } }
    } }`);
    const actor = answer.threatActor as { campaigns: Array<{ node: { targets: unknown[] } }>; sponsors: unknown[] };
    // The seed gives the comparison something to compare.
    expect(actor.campaigns.length).toBeGreaterThan(1);
    expect(actor.campaigns.some((campaign) => campaign.node.targets.length > 0)).toBe(true);
    expect(actor.sponsors.length).toBeGreaterThan(0);
  });

  it("a campaign's targets and perpetrators, a state's sponsored actors and their campaigns", async () => {
    await expectSameAnswers(`{ campaign(id: "campaign:apt31-cz-mfa-2022") {
      targets { type direction asset node { __typename id kind name } }
      conductedBy { claimedBy { id } confidence { score } node { id name sponsors { node { id } } } }
    } }`);
    const answer = await expectSameAnswers(`{ state(id: "state:cn") {
      sponsoredActors { node { id name campaigns { node { id name } } } }
      memberOf { node { id } }
      bodies { node { id name partOf { node { id } } } }
    } }`);
    expect((answer.state as { sponsoredActors: unknown[] }).sponsoredActors.length).toBeGreaterThan(0);
  });

  it('the entity itself read as a summary when only summary fields and the lists are asked of it', async () => {
    const answer = await expectSameAnswers(`{ threatActor(id: "actor:apt31") {
      __typename id name description knownSince
      uses { node { id name } }
      campaigns { node { id name targets { node { id } } } }
    } }`);
    expect(answer.threatActor).toMatchObject({ __typename: 'ThreatActor', id: 'actor:apt31', name: 'APT31' });
    expect((answer.threatActor as { description: string | null }).description).toBeTruthy();
    await expectSameAnswers('{ threatActor(id: "actor:apt31") { name uses { node { id name } } } }');
  });

  it('organisations and persons', async () => {
    await expectSameAnswers(`{ organization(id: "org:cz-mfa") {
      partOf { title node { id name } } members { node { id } } roles { node { id name } }
      targetedBy { node { id name targets { node { id } } } }
    } }`);
    await expectSameAnswers('{ person(id: "person:kaja-kallas") { roles { title node { id name kind } } } }');
  });

  it('a lookup of the summary fields, and null for an unknown id or an entity of another kind', async () => {
    const query = `{
      a: node(id: "actor:apt31") { id ... on Entity { kind name description knownSince } }
      b: entity(id: "campaign:apt31-cz-mfa-2022") { __typename id kind name description knownSince }
      c: node(id: "actor:nobody") { id }
      d: nodes(ids: ["state:cn", "org:nato"]) { id ... on Entity { name } }
      e: threatActor(id: "state:cn") { id uses { node { id } } }
    }`;
    const summaries = await data(query);
    const full = await data(query.replaceAll('name', 'name revoked'));
    expect(summaries).toEqual(withoutRevoked(full));
    expect(summaries.a).toMatchObject({ id: 'actor:apt31', kind: 'ThreatActor', name: 'APT31' });
    expect(summaries.c).toBeNull();
    expect(summaries.e).toBeNull();
  });
});

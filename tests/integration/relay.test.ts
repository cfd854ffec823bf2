import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../support/api.js';

// Relay conventions over the seed: global ids (relationships included) that node(id:) resolves,
// connections both ways, paged nested lists and paged search.

const api = useSeededApi();

async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api().graphql<any>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const PAGE = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

describe('node(id:)', () => {
  it('fetches a relationship by the id a link or an edge gives it', async () => {
    const { campaign } = await data('{ campaign(id: "campaign:apt31-cz-mfa-2022") { targets { relationshipId node { id } } } }');
    const target = campaign.targets.find((link: any) => link.node.id === 'org:cz-mfa');
    expect(target.relationshipId).toBe('TARGETS:campaign:apt31-cz-mfa-2022->org:cz-mfa');
    const { node } = await data(
      `query($id: ID!) { node(id: $id) { __typename id ... on GraphEdge { type source target direction asset
        claimedBy { id } sourceEntity { name } targetEntity { id } citations { source { id } quote } } } }`,
      { id: target.relationshipId },
    );
    expect(node).toMatchObject({
      __typename: 'GraphEdge',
      id: target.relationshipId,
      type: 'TARGETS',
      source: 'campaign:apt31-cz-mfa-2022',
      target: 'org:cz-mfa',
      direction: 'OUT',
      asset: 'unclassified network',
      claimedBy: { id: 'state:cz' },
      targetEntity: { id: 'org:cz-mfa' },
    });
    expect(node.citations.length).toBeGreaterThan(0);
  });

  it('fetches a keyed relationship (a stance) and gives the same ids as the traversals', async () => {
    const { neighborhood } = await data('{ neighborhood(id: "response:nato-solidarity-2025-05-28") { edges { id stance } } }');
    const solidarity = neighborhood.edges.find((edge: any) => edge.stance === 'EXPRESSES_SOLIDARITY_WITH');
    expect(solidarity.id).toBe('REFERS_TO:response:nato-solidarity-2025-05-28->state:cz#EXPRESSES_SOLIDARITY_WITH');
    const { nodes } = await data(
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on GraphEdge { stance } ... on State { name } } }',
      {
        ids: [solidarity.id, 'state:cz', 'REFERS_TO:response:nato-solidarity-2025-05-28->state:cz#CONDEMNS', 'NOT_A_TYPE:a->b'],
      },
    );
    expect(nodes).toEqual([
      { __typename: 'GraphEdge', id: solidarity.id, stance: 'EXPRESSES_SOLIDARITY_WITH' },
      { __typename: 'State', id: 'state:cz', name: 'Czech Republic' },
      null,
      null,
    ]);
  });
});

describe('connections both ways', () => {
  it('pages the responses backward with last/before to the same items as forward', async () => {
    const forward = await data(`{ responses(first: 100) { totalCount edges { cursor node { id } } ${PAGE} } }`);
    const all = forward.responses.edges.map((edge: any) => edge.node.id);
    expect(all.length).toBe(forward.responses.totalCount);
    expect(forward.responses.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const last = await data(`{ responses(last: 2) { edges { cursor node { id } } ${PAGE} } }`);
    expect(last.responses.edges.map((edge: any) => edge.node.id)).toEqual(all.slice(-2));
    expect(last.responses.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await data(
      `query($before: String) { responses(last: 2, before: $before) { edges { node { id } } ${PAGE} } }`,
      {
        before: last.responses.pageInfo.startCursor,
      },
    );
    expect(before.responses.edges.map((edge: any) => edge.node.id)).toEqual(all.slice(-4, -2));
    expect(before.responses.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const middle = await data(`query($after: String) { states(first: 2, after: $after) { edges { node { id } } ${PAGE} } }`, {
      after: (await data('{ states(first: 1) { pageInfo { endCursor } } }')).states.pageInfo.endCursor,
    });
    expect(middle.states.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses first with last, and a cursor from elsewhere, naming the argument', async () => {
    const both = await api().graphql('{ states(first: 2, last: 2) { totalCount } }');
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
    const bad = await api().graphql('{ states(last: 2, before: "nonsense") { totalCount } }');
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'before' });
  });
});

describe('nested lists', () => {
  it('pages an entity’s links both ways, in the order of links', async () => {
    const { state } = await data(
      `{ state(id: "state:cn") { links(first: 500) { type node { id } } linksConnection(first: 3) { totalCount edges { cursor node { type node { id } relationshipId } } ${PAGE} } } }`,
    );
    const all = state.links.map((link: any) => `${link.type} ${link.node.id}`);
    const page = state.linksConnection;
    expect(page.totalCount).toBe(all.length);
    expect(page.edges.map((edge: any) => `${edge.node.type} ${edge.node.node.id}`)).toEqual(all.slice(0, 3));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const next = await data(
      `query($after: String) { state(id: "state:cn") { linksConnection(first: 3, after: $after) { edges { node { type node { id } } } ${PAGE} } } }`,
      { after: page.pageInfo.endCursor },
    );
    expect(next.state.linksConnection.edges.map((edge: any) => `${edge.node.type} ${edge.node.node.id}`)).toEqual(
      all.slice(3, 6),
    );
    expect(next.state.linksConnection.pageInfo.hasPreviousPage).toBe(true);

    const tail = await data(
      `{ state(id: "state:cn") { linksConnection(last: 2) { edges { node { type node { id } } } ${PAGE} } } }`,
    );
    expect(tail.state.linksConnection.edges.map((edge: any) => `${edge.node.type} ${edge.node.node.id}`)).toEqual(all.slice(-2));
    expect(tail.state.linksConnection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages a state’s responses and a campaign’s responses, newest first', async () => {
    const { state, campaign } = await data(`{
      state(id: "state:cz") { responsesIssued { id } responsesIssuedConnection(first: 1) { totalCount edges { node { id date { start } } } ${PAGE} } }
      campaign(id: "campaign:apt31-cz-mfa-2022") { responses { id } responsesConnection(first: 100) { totalCount edges { node { id date { start } } } } }
    }`);
    expect(state.responsesIssuedConnection.totalCount).toBe(state.responsesIssued.length);
    expect(state.responsesIssuedConnection.pageInfo.hasNextPage).toBe(state.responsesIssued.length > 1);
    const ids = campaign.responsesConnection.edges.map((edge: any) => edge.node.id);
    expect([...ids].sort()).toEqual(campaign.responses.map((response: any) => response.id).sort());
    const dates = campaign.responsesConnection.edges.map((edge: any) => edge.node.date.start);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages an actor’s techniques, malware and tools', async () => {
    const { threatActor } = await data(
      '{ threatActor(id: "actor:apt31") { uses { node { id } } usesConnection(first: 5) { totalCount } } }',
    );
    expect(threatActor.usesConnection.totalCount).toBe(threatActor.uses.length);
  });
});

describe('searchConnection', () => {
  it('pages the ranking with cursors, forward and back', async () => {
    const all = await data('{ search(text: "czech", first: 100) { entity { id } } }');
    const ids = all.search.map((hit: any) => hit.entity.id);
    expect(ids.length).toBeGreaterThan(2);
    const first = await data(`{ searchConnection(text: "czech", first: 2) { edges { cursor score node { id } } ${PAGE} } }`);
    expect(first.searchConnection.edges.map((edge: any) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first.searchConnection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await data(
      `query($after: String) { searchConnection(text: "czech", first: 100, after: $after) { edges { node { id } } ${PAGE} } }`,
      {
        after: first.searchConnection.pageInfo.endCursor,
      },
    );
    expect(next.searchConnection.edges.map((edge: any) => edge.node.id)).toEqual(ids.slice(2));
    expect(next.searchConnection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await data(
      `query($before: String) { searchConnection(text: "czech", last: 1, before: $before) { edges { node { id } } } }`,
      {
        before: first.searchConnection.edges[1].cursor,
      },
    );
    expect(back.searchConnection.edges.map((edge: any) => edge.node.id)).toEqual(ids.slice(0, 1));
  });
});

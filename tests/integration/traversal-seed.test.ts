import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type {
  Apt31NeighborhoodQuery,
  Apt31TimelineQuery,
  CzechAttributionAsOfQuery,
  CzechMfaResponseSummaryQuery,
  NatoToApt31PathQuery,
  ResponsesToCampaignsOfPrcSponsoredActorsQuery,
} from '../../src/generated/operations.js';
import { useSeededApi } from '../support/api.js';

// The traversals on the seed (the APT31 case), through /graphql, with the example operations of
// docs/queries/ as the playground offers them.

const api = useSeededApi();

function example(file: string): string {
  return fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries', file), 'utf8');
}

async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await api().graphql<T>(query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

async function refusal(query: string): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const { errors } = await api().graphql(query);
  expect(errors).toHaveLength(1);
  return errors![0]!;
}

describe('paths', () => {
  it('connects NATO to APT31 in three hops, every hop with its sources', async () => {
    const { paths } = await ask<NatoToApt31PathQuery>(example('nato-to-apt31-path.graphql'));
    expect(paths.truncated).toBe(false);
    expect(paths.paths.length).toBeGreaterThanOrEqual(3);
    for (const path of paths.paths) {
      expect(path.length).toBe(3);
      expect(path.nodes[0]!.id).toBe('org:nato');
      expect(path.nodes.at(-1)!.id).toBe('actor:apt31');
      path.edges.forEach((edge, i) => {
        // edges[i] joins nodes[i] and nodes[i + 1], in the direction it says.
        const [from, to] = [path.nodes[i]!.id, path.nodes[i + 1]!.id];
        expect(edge.direction === 'OUT' ? [edge.source, edge.target] : [edge.target, edge.source]).toEqual([from, to]);
        expect(edge.citations.length).toBeGreaterThan(0);
        expect(edge.citations[0]!.source.publisher).toBe('United Press International (UPI)');
      });
    }
    const routes = paths.paths.map((path) => path.nodes.map((node) => node.id).join(' / '));
    // Through NATO's statement, the campaign it concerns, and the group the Czech government blamed.
    expect(routes).toContain('org:nato / response:nato-solidarity-2025-05-28 / campaign:apt31-cz-mfa-2022 / actor:apt31');
    const conducted = paths.paths.flatMap((path) => path.edges).find((edge) => edge.type === 'CONDUCTED_BY')!;
    expect(conducted.claimedBy?.name).toBe('Czech Republic');
    expect(conducted.confidence).toEqual({ score: 85, text: 'high degree of certainty' });
  });

  it('gives one path by default and up to k with K_SHORTEST, shortest first', async () => {
    const data = await ask<{ one: { paths: Array<{ length: number }> }; k: { paths: Array<{ length: number }> } }>(`{
      one: paths(from: "org:nato", to: "actor:apt31") { paths { length } }
      k: paths(from: "org:nato", to: "actor:apt31", mode: K_SHORTEST, k: 8, maxHops: 5) { paths { length } }
    }`);
    expect(data.one.paths).toEqual([{ length: 3 }]);
    const lengths = data.k.paths.map((path) => path.length);
    expect(lengths.length).toBe(8);
    expect([...lengths].sort()).toEqual(lengths);
    expect(lengths.at(-1)).toBe(4);
  });

  it('walks only the relationship types asked for', async () => {
    const data = await ask<{ paths: { paths: Array<{ edges: Array<{ type: string }> }> } }>(`{
      paths(from: "org:nato", to: "actor:apt31", relationshipTypes: [ISSUED_BY, CONCERNS, CONDUCTED_BY]) {
        paths { edges { type } }
      }
    }`);
    expect(data.paths.paths[0]!.edges.map((edge) => edge.type)).toEqual(['ISSUED_BY', 'CONCERNS', 'CONDUCTED_BY']);
  });
});

describe('asOf: what the graph knew on a day', () => {
  it('has no Czech attribution on 27 May 2025, and has it on 28 May', async () => {
    const before = await ask<CzechAttributionAsOfQuery>(example('czech-attribution-as-of.graphql'));
    expect(before.attributions.attributions).toEqual([]);
    const after = await ask<CzechAttributionAsOfQuery>(example('czech-attribution-as-of.graphql'), { asOf: '2025-05-28' });
    expect(after.attributions.attributions).toContainEqual(
      expect.objectContaining({
        recordedAs: 'RESPONSE',
        attributor: { name: 'Czech Republic' },
        accused: { name: "People's Republic of China" },
      }),
    );
  });

  it('applies to neighbourhoods, paths, timelines and summaries alike', async () => {
    const query = (asOf: string) => `{
      neighborhood(id: "state:cz", asOf: "${asOf}") { center { id } nodes { id } }
      paths(from: "org:nato", to: "actor:apt31", asOf: "${asOf}") { paths { length } }
      timeline(entityId: "org:us-doj", asOf: "${asOf}") { events { kind subject { id } } }
      responseSummary(campaign: "campaign:apt31-cz-mfa-2022", asOf: "${asOf}") { campaign { id } responseCount }
    }`;
    type Answer = {
      neighborhood: { center: { id: string } | null; nodes: Array<{ id: string }> };
      paths: { paths: unknown[] };
      timeline: { events: Array<{ kind: string; subject: { id: string } }> };
      responseSummary: { campaign: { id: string } | null; responseCount: number };
    };
    const before = await ask<Answer>(query('2025-05-27'));
    expect(before.neighborhood).toEqual({ center: null, nodes: [] });
    expect(before.paths.paths).toEqual([]);
    // The graph knows of the US indictment (March 2024) only from the article of 28 May 2025.
    expect(before.timeline.events).toEqual([]);
    expect(before.responseSummary).toEqual({ campaign: null, responseCount: 0 });

    const after = await ask<Answer>(query('2025-05-28'));
    expect(after.neighborhood.center).toEqual({ id: 'state:cz' });
    expect(after.neighborhood.nodes.map((node) => node.id)).toContain('org:nato');
    expect(after.paths.paths).toHaveLength(1);
    expect(after.timeline.events).toEqual([{ kind: 'RESPONSE_ISSUED', subject: { id: 'response:us-indictment-apt31-2024' } }]);
    expect(after.responseSummary.responseCount).toBe(4);
  });
});

describe('attributions', () => {
  it('answers "all responses to campaigns attributed by anyone to actors sponsored by the PRC" in one request', async () => {
    const { attributions } = await ask<ResponsesToCampaignsOfPrcSponsoredActorsQuery>(
      example('responses-to-campaigns-of-prc-sponsored-actors.graphql'),
    );
    const rows = attributions.attributions.map(
      (row) => `${row.recordedAs} ${row.attributor?.id} -> ${row.accused.id} (${row.campaign?.id})`,
    );
    expect(rows).toEqual([
      'RESPONSE state:cz -> actor:apt31 (campaign:apt31-cz-mfa-2022)',
      'RESPONSE state:cz -> state:cn (campaign:apt31-cz-mfa-2022)',
      'RESPONSE org:eu -> state:cn (campaign:apt31-cz-mfa-2022)',
      'RESPONSE org:cz-mfa -> state:cn (campaign:apt31-cz-mfa-2022)',
      'RESPONSE org:nato -> state:cn (campaign:apt31-cz-mfa-2022)',
      // US prosecutors' claim, as the article reports it: no attribution statement of theirs is recorded.
      'CLAIM org:us-doj -> actor:apt31 (campaign:apt31-critics-businesses-officials)',
    ]);
    // Who condemned China in their own words (the ministry), and whom UPI reports as condemning it.
    const condemning = attributions.attributions
      .filter((row) => row.stance === 'CONDEMNS')
      .map((row) => `${row.attributor?.id} ${row.basis} ${row.reportedBy?.publisher ?? ''}`.trim());
    expect(condemning).toEqual([
      'org:eu REPORTED United Press International (UPI)',
      'org:cz-mfa OWN_WORDS',
      'org:nato REPORTED United Press International (UPI)',
    ]);
    const [apt31, prc] = attributions.attributions.filter((row) => row.attributor?.id === 'state:cz');
    expect(apt31!.sponsor?.id).toBe('state:cn');
    expect(prc!.sponsor).toBeNull();
    expect(prc!.date).toEqual({ text: '2025-05-28', precision: 'DAY' });
    expect(prc!.confidence).toEqual({ score: 85, text: 'high degree of certainty' });
    expect(prc!.stance).toBe('NAMES_RESPONSIBLE');
    expect(prc!.basis).toBe('OWN_WORDS');
    expect(prc!.citations[0]!.quote).toBe(
      'The Government of the Czech Republic has identified the People’s Republic of China as being responsible',
    );
    // The article names APT31 in reported speech, not in a quote of the government.
    expect(apt31!).toMatchObject({ stance: 'NAMES_RESPONSIBLE', basis: 'REPORTED' });

    const responses = new Set(
      attributions.attributions.flatMap((row) => row.campaign?.responses.map((response) => response.id) ?? []),
    );
    expect([...responses].sort()).toEqual([
      'response:cz-attribution-2025-05-28',
      'response:cz-mfa-condemnation-2025-05-28',
      'response:eu-statement-2025-05-28',
      'response:nato-solidarity-2025-05-28',
      'response:us-indictment-apt31-2024',
    ]);
  });

  it('without includeSponsoredActors names only the state itself; filters by attributor, campaign and date', async () => {
    type Rows = { attributions: { attributions: Array<{ accused: { id: string }; attributor: { id: string } | null }> } };
    const direct = await ask<Rows>(
      '{ attributions(accused: "state:cn", basis: OWN_WORDS) { attributions { accused { id } attributor { id } } } }',
    );
    expect(direct.attributions.attributions).toEqual([
      { accused: { id: 'state:cn' }, attributor: { id: 'state:cz' } },
      { accused: { id: 'state:cn' }, attributor: { id: 'org:cz-mfa' } },
    ]);
    const byDoj = await ask<Rows>(
      '{ attributions(attributor: "org:us-doj") { attributions { accused { id } attributor { id } } } }',
    );
    expect(byDoj.attributions.attributions).toEqual([{ accused: { id: 'actor:apt31' }, attributor: { id: 'org:us-doj' } }]);
    const in2024 = await ask<Rows>(
      '{ attributions(from: "2024", to: "2024") { attributions { accused { id } attributor { id } } } }',
    );
    expect(in2024.attributions.attributions).toEqual([]);
    const byCampaign = await ask<Rows>(
      '{ attributions(campaign: "campaign:apt31-cz-mfa-2022", from: "2025-05") { attributions { accused { id } attributor { id } } } }',
    );
    expect(byCampaign.attributions.attributions).toHaveLength(5);
  });

  it('answers for one accused what the question about everyone answers for it (two statements, one meaning)', async () => {
    const fields = 'recordedAs stance basis attributor { id } accused { id } campaign { id } response { id } knownSince';
    type Row = { accused: { id: string } } & Record<string, unknown>;
    type Rows = { attributions: { attributions: Row[] } };
    const everyone = await ask<Rows>(`{ attributions(limit: 500) { attributions { ${fields} } } }`);
    const accusedIds = [...new Set(everyone.attributions.attributions.map((row) => row.accused.id))];
    expect(accusedIds.length).toBeGreaterThan(1);
    for (const accused of accusedIds) {
      const one = await ask<Rows>(`{ attributions(accused: "${accused}", limit: 500) { attributions { ${fields} } } }`);
      expect(one.attributions.attributions, accused).toEqual(
        everyone.attributions.attributions.filter((row) => row.accused.id === accused),
      );
    }
  });

  it('answers a list of names from summary rows, and the same rows as when more of each entity is asked', async () => {
    const common = 'recordedAs stance basis date { text precision basis } confidence { score text } knownSince';
    const names = `${common} attributor { id name } accused { id name } sponsor { id name } campaign { id name } response { id kind }`;
    const more = `${common} attributor { id name description } accused { id name ... on State { isoCode } } sponsor { id name }
      campaign { id name citations { quote } } response { id kind ... on Response { types } }`;
    type Entity = { id: string; name?: string; kind?: string };
    type Row = Record<string, unknown> & {
      attributor: Entity | null;
      accused: Entity;
      sponsor: Entity | null;
      campaign: Entity | null;
    };
    type Rows = { attributions: { attributions: Row[] } };
    for (const args of ['limit: 500', 'accused: "state:cn", includeSponsoredActors: true, limit: 500']) {
      const short = await ask<Rows>(`{ attributions(${args}) { attributions { ${names} } } }`);
      const full = await ask<Rows>(`{ attributions(${args}) { attributions { ${more} } } }`);
      expect(short.attributions.attributions.length, args).toBeGreaterThan(2);
      const pick = (entity: Entity | null) => (entity === null ? null : { id: entity.id, name: entity.name });
      expect(short.attributions.attributions, args).toEqual(
        full.attributions.attributions.map((row) => ({
          ...row,
          attributor: pick(row.attributor),
          accused: pick(row.accused),
          sponsor: pick(row.sponsor),
          campaign: pick(row.campaign),
          response: row.response === null ? null : { id: (row.response as Entity).id, kind: (row.response as Entity).kind },
        })),
      );
      // The Czech attribution's date and confidence come from the response, read in both shapes.
      expect(short.attributions.attributions.some((row) => row.date !== null)).toBe(true);
    }
  });
});

describe('neighborhood', () => {
  it('draws APT31 and its surroundings: every edge between two of the nodes, with its sources', async () => {
    const { neighborhood } = await ask<Apt31NeighborhoodQuery>(example('apt31-neighborhood.graphql'));
    expect(neighborhood.truncated).toBe(false);
    expect(neighborhood.center?.id).toBe('actor:apt31');
    expect(neighborhood.nodes[0]!.id).toBe('actor:apt31');
    const ids = new Set(neighborhood.nodes.map((node) => node.id));
    for (const id of [
      'state:cn',
      'campaign:apt31-cz-mfa-2022',
      'group:apt31-seven-charged-nationals',
      'org:cz-mfa',
      'state:cz',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(neighborhood.edges.map((edge) => edge.id)).size).toBe(neighborhood.edges.length);
    for (const edge of neighborhood.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
      expect(edge.citations.length).toBeGreaterThan(0);
    }
    const targets = neighborhood.edges.find((edge) => edge.type === 'TARGETS')!;
    expect(targets.asset).toBe('unclassified network');
    const stances = neighborhood.edges
      .filter((edge) => edge.type === 'REFERS_TO' && edge.target === 'state:cn')
      .map((edge) => edge.stance);
    expect(stances).toContain('NAMES_RESPONSIBLE');
  });

  it('keeps the nearest nodes when limit cuts, and says so', async () => {
    const data = await ask<{
      neighborhood: { truncated: boolean; nodes: Array<{ id: string }>; edges: Array<{ source: string; target: string }> };
    }>('{ neighborhood(id: "actor:apt31", depth: 3, limit: 4) { truncated nodes { id } edges { source target } } }');
    expect(data.neighborhood.truncated).toBe(true);
    expect(data.neighborhood.nodes).toHaveLength(4);
    expect(data.neighborhood.nodes[0]!.id).toBe('actor:apt31');
  });

  it('answers a drawing (id, kind, name) from summary rows, and any other field as fully as before', async () => {
    type Node = { id: string; kind: string; name: string; citations?: Array<{ quote: string | null }>; attackIds?: string[] };
    const drawing = await ask<{ neighborhood: { center: Node; nodes: Node[] } }>(
      '{ neighborhood(id: "actor:apt31", depth: 2) { center { id kind name } nodes { id kind name } } }',
    );
    const full = await ask<{ neighborhood: { center: Node; nodes: Node[] } }>(
      '{ neighborhood(id: "actor:apt31", depth: 2) { center { id kind name } nodes { id kind name citations { quote } ... on ThreatActor { attackIds } } } }',
    );
    expect(drawing.neighborhood.nodes.map(({ id, kind, name }) => ({ id, kind, name }))).toEqual(
      full.neighborhood.nodes.map(({ id, kind, name }) => ({ id, kind, name })),
    );
    expect(drawing.neighborhood.center).toEqual(full.neighborhood.center);
    const apt31 = full.neighborhood.nodes.find((node) => node.id === 'actor:apt31')!;
    expect(apt31.citations!.length).toBeGreaterThan(0);
  });

  it('answers edges asked for their ends alone, and descriptions asked or not, as the full selection does', async () => {
    type Edge = { id: string; type: string; source: string; target: string; direction: string; stance?: string | null };
    type Node = { id: string; description?: string | null; knownSince?: string | null };
    const frame = await ask<{ neighborhood: { nodes: Node[]; edges: Edge[] } }>(
      '{ neighborhood(id: "actor:apt31", depth: 2) { nodes { id } edges { id type source target direction } } }',
    );
    const described = await ask<{ neighborhood: { nodes: Node[]; edges: Edge[] } }>(
      '{ neighborhood(id: "actor:apt31", depth: 2) { nodes { id description knownSince } edges { id type source target direction stance citations { quote } } } }',
    );
    expect(frame.neighborhood.edges).toEqual(
      described.neighborhood.edges.map(({ id, type, source, target, direction }) => ({ id, type, source, target, direction })),
    );
    expect(described.neighborhood.edges.some((edge) => edge.stance === 'NAMES_RESPONSIBLE')).toBe(true);
    expect(frame.neighborhood.nodes).toEqual(described.neighborhood.nodes.map(({ id }) => ({ id })));
    const apt31 = described.neighborhood.nodes.find((node) => node.id === 'actor:apt31')!;
    expect(apt31.description).toMatch(/^Advanced Persistent Threat Group 31/);
    expect(apt31.knownSince).not.toBeNull();
  });

  it('asks the database once for the traversal, and once more for all the sources cited (no N+1)', async () => {
    const before = api().db.statementsRun;
    await ask(example('apt31-neighborhood.graphql'));
    expect(api().db.statementsRun - before).toBeLessThanOrEqual(3);
  });
});

describe('timeline', () => {
  it('orders the events around APT31, each with its precision and sources', async () => {
    const { timeline } = await ask<Apt31TimelineQuery>(example('apt31-timeline.graphql'));
    const events = timeline.events.map((event) => `${event.date.text} ${event.kind} ${event.subject.id}`);
    expect(events.slice(0, 3)).toEqual([
      '2022 CAMPAIGN_STARTED campaign:apt31-cz-mfa-2022',
      '2024-03 RESPONSE_ISSUED response:us-indictment-apt31-2024',
      '2025-05-28 CAMPAIGN_DISCLOSED campaign:apt31-cz-mfa-2022',
    ]);
    expect(timeline.events[0]!.date).toMatchObject({ precision: 'YEAR', basis: 'STATED' });
    expect(events).toContain('2025-05-28 RESPONSE_ISSUED response:nato-solidarity-2025-05-28');
    const indictment = timeline.events[1]!;
    expect(indictment.responseTypes).toEqual(['INDICTMENT']);
    // "In late March": the month the article gives, and how the date was read.
    expect(indictment.date).toMatchObject({ precision: 'MONTH', basis: 'INFERRED' });
    expect(indictment.date.inferredFrom).toContain('in late March');
  });
});

describe('responseSummary', () => {
  it('counts the responses to the Czech campaign and tells who named the PRC and who did not', async () => {
    const { responseSummary } = await ask<CzechMfaResponseSummaryQuery>(example('czech-mfa-response-summary.graphql'));
    expect(responseSummary.responseCount).toBe(4);
    expect(responseSummary.byType).toContainEqual({ type: 'CONCERN', count: 2 });
    expect(responseSummary.byStance).toContainEqual({ stance: 'DOES_NOT_NAME', count: 2, inOwnWords: 0 });
    // The ministry condemned in its own words; NATO and the EU only as UPI reports them.
    expect(responseSummary.byStance).toContainEqual({ stance: 'CONDEMNS', count: 3, inOwnWords: 1 });
    expect(responseSummary.accusedStates).toEqual([{ name: "People's Republic of China" }]);
    const named = Object.fromEntries(responseSummary.namedBy.map((party) => [party.party.name, party]));
    expect(Object.keys(named)).toEqual(['Czech Republic', 'Ministry of Foreign Affairs of the Czech Republic']);
    const ministry = named['Ministry of Foreign Affairs of the Czech Republic']!;
    expect(ministry).toMatchObject({ position: 'NAMED_IN_CONDEMNATION', state: { name: 'Czech Republic' } });
    expect(ministry.citations[0]!.quote).toBe(
      'Such behavior undermines the credibility of the People’s Republic of China and contradicts its public declarations.',
    );
    const declined = Object.fromEntries(responseSummary.declinedToName.map((party) => [party.party.name, party]));
    expect(Object.keys(declined)).toEqual(['European Union', 'NATO']);
    for (const party of [declined.NATO!, declined['European Union']!]) {
      expect(party.position).toBe('SAID_NOT_TO_NAME');
      expect(party.stancesInOwnWords).not.toContain('NAMES_RESPONSIBLE');
      expect(party.stancesInOwnWords).not.toContain('CONDEMNS');
      const condemns = party.reported.find((stance) => stance.stance === 'CONDEMNS')!;
      expect(condemns).toMatchObject({ basis: 'REPORTED', reportedBy: { publisher: 'United Press International (UPI)' } });
      expect(condemns.citations[0]!.quote).toContain('were quick to condemn China following Prague’s revelation');
    }
    expect(declined.NATO!.citations[0]!.quote).toBe(
      'NATO did not blame China but acknowledged the Czechs’ accusation of Beijing for the attack',
    );
    expect(responseSummary.reportedAsAccusing.map((party) => party.party.name)).toEqual(['European Union', 'NATO']);
    // Rolled up to states: the ministry counts for the Czech Republic, both levels shown.
    expect(responseSummary.byState).toEqual([
      {
        state: { name: 'Czech Republic' },
        position: 'NAMED',
        parties: [
          { party: { name: 'Czech Republic' }, position: 'NAMED' },
          { party: { name: 'Ministry of Foreign Affairs of the Czech Republic' }, position: 'NAMED_IN_CONDEMNATION' },
        ],
      },
    ]);
  });
});

describe('bounds and errors', () => {
  it('refuses a depth over 3, naming the argument', async () => {
    const error = await refusal('{ neighborhood(id: "actor:apt31", depth: 4) { truncated } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
    expect(error.message).toBe('depth: must be from 1 to 3, got 4');
  });

  it('refuses more than 6 hops, k beyond 10 or outside K_SHORTEST, and an oversized limit', async () => {
    for (const [query, argument] of [
      ['{ paths(from: "org:nato", to: "actor:apt31", maxHops: 7) { truncated } }', 'maxHops'],
      ['{ paths(from: "org:nato", to: "actor:apt31", mode: K_SHORTEST, k: 11) { truncated } }', 'k'],
      ['{ paths(from: "org:nato", to: "actor:apt31", k: 2) { truncated } }', 'k'],
      ['{ paths(from: "org:nato", to: "org:nato") { truncated } }', 'to'],
      ['{ neighborhood(id: "actor:apt31", limit: 1001) { truncated } }', 'limit'],
      ['{ neighborhood(id: "actor:apt31", minConfidence: 101) { truncated } }', 'minConfidence'],
      ['{ timeline(entityId: "actor:apt31", limit: 0) { truncated } }', 'limit'],
      ['{ attributions(limit: 5000) { truncated } }', 'limit'],
    ] as const) {
      const error = await refusal(query);
      expect(error.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('refuses an asOf that is not a day', async () => {
    for (const asOf of ['2025-05', 'yesterday', '2025-02-30']) {
      const error = await refusal(`{ timeline(entityId: "actor:apt31", asOf: "${asOf}") { truncated } }`);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    }
  });

  it('says NOT_FOUND for an unknown id, naming the argument', async () => {
    const error = await refusal('{ paths(from: "org:nato", to: "actor:nobody") { truncated } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'to' });
    const missing = await refusal('{ neighborhood(id: "actor:nobody") { truncated } }');
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    const notCampaign = await refusal('{ responseSummary(campaign: "actor:apt31") { responseCount } }');
    expect(notCampaign.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'campaign' });
  });
});

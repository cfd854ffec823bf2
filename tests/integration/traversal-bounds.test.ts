import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAVERSAL_BOUNDS } from '../../src/graphql/resolvers/traversal.js';
import {
  deleteSyntheticGraph,
  loadSyntheticGraph,
  syntheticGraphOptions,
  type SyntheticGraphOptions,
} from '../../src/synthetic/generateGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// The traversals' bounds on a generated graph with hubs: syn:state:0 sponsors 80% of the actors and
// holds 80% of the bodies (over a thousand neighbours), syn:technique:0 is used by every actor.
// Whatever is asked, answers stay within their limits and say when they were cut.

const OPTIONS: SyntheticGraphOptions = syntheticGraphOptions(2500, 5, { seed: 7, hubShare: 0.8 });
const HUB = 'syn:state:0';

let api: TestApi;
let written: { entities: number; relationships: number };
beforeAll(async () => {
  api = await startTestApi();
  await deleteSyntheticGraph(api.db);
  written = await loadSyntheticGraph(api.db, OPTIONS);
});
afterAll(async () => {
  // Other test files see only the seed.
  await deleteSyntheticGraph(api.db);
  await api.close();
});

interface Graph {
  truncated: boolean;
  nodes: Array<{ id: string; knownSince: string | null }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

async function neighborhood(args: string): Promise<Graph> {
  const { data, errors } = await api.graphql<{ neighborhood: Graph }>(
    `{ neighborhood(${args}) { truncated nodes { id knownSince } edges { id source target } } }`,
  );
  expect(errors).toBeUndefined();
  return data!.neighborhood;
}

function expectWellFormed(graph: Graph): void {
  const ids = new Set(graph.nodes.map((node) => node.id));
  expect(ids.size).toBe(graph.nodes.length);
  for (const edge of graph.edges) {
    expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  }
}

describe('the generated graph', () => {
  it('has the size asked for and a hub of more than a thousand neighbours', async () => {
    expect(written.entities).toBeGreaterThan(2400);
    expect(written.relationships).toBeGreaterThan(10_000);
    const { data } = await api.graphql<{ neighborhood: { truncated: boolean } }>(
      `{ neighborhood(id: "${HUB}", limit: 1000) { truncated } }`,
    );
    expect(data?.neighborhood.truncated).toBe(true);
  });

  it('is the same graph for the same options', async () => {
    const { generateSyntheticGraph } = await import('../../src/synthetic/generateGraph.js');
    const a = generateSyntheticGraph(OPTIONS);
    const b = generateSyntheticGraph(OPTIONS);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('neighborhood on a hub', () => {
  it('stops at limit nodes, nearest first, and says it was cut', async () => {
    const graph = await neighborhood(`id: "${HUB}", depth: 2, limit: 200`);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(200);
    expect(graph.nodes[0]!.id).toBe(HUB);
    expect(graph.edges.length).toBeLessThanOrEqual(200 * TRAVERSAL_BOUNDS.edgesPerNode);
    expectWellFormed(graph);
  });

  it('holds the largest allowed request (depth 3, 1000 nodes) within its bounds and time', async () => {
    const started = Date.now();
    const graph = await neighborhood(`id: "syn:technique:1", depth: 3, limit: 1000`);
    expect(Date.now() - started).toBeLessThan(TRAVERSAL_BOUNDS.timeoutMs);
    expect(graph.nodes.length).toBeLessThanOrEqual(1000);
    expect(graph.edges.length).toBeLessThanOrEqual(1000 * TRAVERSAL_BOUNDS.edgesPerNode);
    expect(graph.truncated).toBe(true);
    expectWellFormed(graph);
  });

  it("sees only the early source's part of the graph as of a day between the two sources", async () => {
    const graph = await neighborhood(`id: "${HUB}", depth: 2, limit: 300, asOf: "2021-01-01"`);
    expect(graph.nodes.length).toBeGreaterThan(1);
    for (const node of graph.nodes) expect(node.knownSince).toBe('2020-01-01');
  });

  it('refuses a limit over 1000 and a depth over 3 before touching the database', async () => {
    const before = api.db.statementsRun;
    for (const [args, argument] of [
      [`id: "${HUB}", limit: 1001`, 'limit'],
      [`id: "${HUB}", depth: 4`, 'depth'],
      [`id: "${HUB}", depth: 0`, 'depth'],
    ] as const) {
      const { errors } = await api.graphql(`{ neighborhood(${args}) { truncated } }`);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(api.db.statementsRun).toBe(before);
  });
});

describe('paths through hubs', () => {
  it('cuts ALL_SHORTEST at limit and says so', async () => {
    const { data, errors } = await api.graphql<{ paths: { truncated: boolean; paths: Array<{ length: number }> } }>(
      '{ paths(from: "syn:actor:1", to: "syn:actor:2", mode: ALL_SHORTEST, limit: 2) { truncated paths { length } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.paths.truncated).toBe(true);
    expect(data!.paths.paths).toHaveLength(2);
  });

  it('answers K_SHORTEST with at most k paths, shortest first', async () => {
    const { data, errors } = await api.graphql<{ paths: { paths: Array<{ length: number }> } }>(
      `{ paths(from: "${HUB}", to: "syn:state:1", mode: K_SHORTEST, k: 10, maxHops: 6) { paths { length } } }`,
    );
    expect(errors).toBeUndefined();
    const lengths = data!.paths.paths.map((path) => path.length);
    expect(lengths.length).toBeGreaterThan(0);
    expect(lengths.length).toBeLessThanOrEqual(10);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it('refuses more than 6 hops', async () => {
    const { errors } = await api.graphql(`{ paths(from: "${HUB}", to: "syn:state:1", maxHops: 7) { truncated } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
    expect(errors?.[0]?.message).toBe('maxHops: must be from 1 to 6, got 7');
  });
});

describe('lists around a hub', () => {
  it('cuts attributions of the hub state and its sponsored actors at limit', async () => {
    const { data, errors } = await api.graphql<{
      attributions: { truncated: boolean; attributions: Array<{ sponsor: { id: string } | null }> };
    }>(
      `{ attributions(accused: "${HUB}", includeSponsoredActors: true, limit: 50) { truncated attributions { sponsor { id } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.attributions.truncated).toBe(true);
    expect(data!.attributions.attributions).toHaveLength(50);
  });

  it("cuts the hub state's timeline at limit, oldest first", async () => {
    const { data, errors } = await api.graphql<{ timeline: { truncated: boolean; events: Array<{ date: { start: string } }> } }>(
      `{ timeline(entityId: "${HUB}", limit: 25) { truncated events { date { start } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.timeline.truncated).toBe(true);
    const starts = data!.timeline.events.map((event) => event.date.start);
    expect(starts).toHaveLength(25);
    expect([...starts].sort()).toEqual(starts);
  });
});

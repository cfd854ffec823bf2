import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Apt31NeighborhoodQuery } from '../../src/generated/operations.js';
import { importFile } from '../../src/ingest/importData.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { startTestApi, type TestApi } from '../support/api.js';

// The seed plus ATT&CK Enterprise through the import path: APT31 (G0128) then uses hundreds of
// techniques and tools, each shared with dozens of other groups. Its neighbourhood must still show
// what analysts come for, the Czech case, and say what it left out.
const ATTACK = path.resolve(PROJECT_ROOT, '../shared/data/attack/enterprise-attack-18.1.json.gz');
const CZECH_STATEMENTS = [
  'response:cz-attribution-2025-05-28',
  'response:cz-mfa-condemnation-2025-05-28',
  'response:nato-solidarity-2025-05-28',
  'response:eu-statement-2025-05-28',
];

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.db.autoCommit('admin/delete-all');
  await seedGraph(api.db);
  await importFile(api.db, ATTACK);
  // The first run of a statement includes its planning; on a busy machine that alone can near the
  // traversal timeout, which these tests are not about.
  await api.graphql('{ neighborhood(id: "actor:apt31", depth: 2) { truncated } }');
}, 600_000);
afterAll(async () => {
  await api.db.autoCommit('admin/delete-all');
  await seedGraph(api.db);
  await api.close();
}, 300_000);

type Neighborhood = {
  truncated: boolean;
  nodes: Array<{ id: string; kind: string }>;
  edges: Array<{ source: string; target: string }>;
  cut: Array<{ kind: string; count: number }>;
};

async function neighborhood(args: string): Promise<Neighborhood> {
  const { data, errors } = await api.graphql<{ neighborhood: Neighborhood }>(
    `{ neighborhood(id: "actor:apt31", ${args}) { truncated nodes { id kind } edges { source target } cut { kind count } } }`,
  );
  expect(errors).toBeUndefined();
  return data!.neighborhood;
}

function ids(answer: { nodes: Array<{ id: string }> }): Set<string> {
  return new Set(answer.nodes.map((node) => node.id));
}

describe('the neighbourhood of APT31 after importing ATT&CK', () => {
  it('keeps the Czech case at depth 2 and says, per kind, what it cut', async () => {
    const answer = await neighborhood('depth: 2');
    expect(answer.truncated).toBe(true);
    expect(answer.nodes).toHaveLength(200);
    const kept = ids(answer);
    for (const id of [...CZECH_STATEMENTS, 'org:cz-mfa', 'state:cz', 'state:cn', 'response:us-indictment-apt31-2024']) {
      expect(kept, id).toContain(id);
    }
    // What was cut is imported threat intelligence, counted per kind, most first.
    const cutKinds = answer.cut.map((row) => row.kind);
    expect(cutKinds).toContain('AttackPattern');
    expect(cutKinds).not.toContain('Response');
    expect(answer.cut.every((row) => row.count > 0)).toBe(true);
    const counts = answer.cut.map((row) => row.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // Every drawn edge joins two kept nodes.
    for (const edge of answer.edges) {
      expect(kept).toContain(edge.source);
      expect(kept).toContain(edge.target);
    }
  });

  it('answers the playground example the same way (limit 100)', async () => {
    const query = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries/apt31-neighborhood.graphql'), 'utf8');
    const { data, errors } = await api.graphql<Apt31NeighborhoodQuery>(query);
    expect(errors).toBeUndefined();
    const kept = ids(data!.neighborhood);
    for (const id of [...CZECH_STATEMENTS, 'org:cz-mfa']) expect(kept, id).toContain(id);
    expect(data!.neighborhood.cut.length).toBeGreaterThan(0);
  });

  it('keeps the statements even under a small limit', async () => {
    const answer = await neighborhood('depth: 2, limit: 25');
    const kept = ids(answer);
    for (const id of CZECH_STATEMENTS) expect(kept, id).toContain(id);
    expect(answer.nodes).toHaveLength(25);
  });

  it('lets the caller put techniques first (kindOrder) or keep only some kinds (kinds)', async () => {
    const techniques = await neighborhood('depth: 2, limit: 25, kindOrder: [AttackPattern]');
    expect(techniques.nodes.slice(1).every((node) => node.kind === 'AttackPattern')).toBe(true);
    expect(techniques.cut.find((row) => row.kind === 'Response')?.count).toBeGreaterThan(0);

    const caseOnly = await neighborhood('depth: 2, kinds: [Response, Campaign, State, Organization]');
    expect(new Set(caseOnly.nodes.slice(1).map((node) => node.kind))).toEqual(
      new Set(['Response', 'Campaign', 'State', 'Organization']),
    );
    expect(caseOnly.truncated).toBe(false);
    for (const id of CZECH_STATEMENTS) expect(ids(caseOnly), id).toContain(id);
  });
});

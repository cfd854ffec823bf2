import type { Database } from '../db/database.js';
import { applyChangeset } from '../write/apply.js';
import type { Changeset, Citation, EntityInput, PropertyValue, RelationshipInput } from '../write/changeset.js';
import type { PartialDate } from '../model/partialDate.js';
import type { EntityKind, RelationshipType } from '../model/vocabulary.js';

/**
 * A deterministic synthetic graph of the same shape as the real one (states, bodies, alliances,
 * sponsored actors, techniques, campaigns, responses with stances), with hubs: state 0 sponsors a
 * large share of the actors and holds a large share of the bodies, and technique 0 is used by every
 * actor. For the traversal bounds tests (a few thousand nodes; the benchmark has its own generator,
 * bench/generate.ts, that scales an imported graph). Everything it creates has ids starting with the prefix (`syn:`), so that
 * deleteSyntheticGraph removes exactly it. Nothing here is a fact: every name says "Synthetic".
 */

export interface SyntheticGraphOptions {
  /** Id prefix of everything generated; deleteSyntheticGraph removes by it. */
  prefix: string;
  states: number;
  /** The first few are alliances (INTERGOVERNMENTAL); the rest are government bodies. */
  organizations: number;
  actors: number;
  techniques: number;
  campaigns: number;
  responses: number;
  usesPerActor: number;
  /** Share of actors sponsored by, and of bodies part of, the hub state (state 0). */
  hubShare: number;
  /** Seed of the pseudo-random choices: the same options always give the same graph. */
  seed: number;
  /** Entities or relationships per changeset (one write transaction each). */
  batchSize: number;
}

export const SYNTHETIC_PREFIX = 'syn:';

/** Relationships per node, roughly, when usesPerActor is 0: the rest comes from USES. */
const BASE_RELATIONSHIPS_PER_NODE = 2.14;

/**
 * Options for a graph of about `nodes` nodes and `relationshipsPerNode` relationships per node.
 * Shares: 40% responses, 25% campaigns, 20% organisations,
 * 10% actors, 4% techniques, 1% states.
 */
export function syntheticGraphOptions(
  nodes: number,
  relationshipsPerNode = 5,
  overrides: Partial<SyntheticGraphOptions> = {},
): SyntheticGraphOptions {
  const share = (fraction: number, minimum: number): number => Math.max(minimum, Math.round(nodes * fraction));
  const actors = share(0.1, 2);
  const techniques = share(0.04, 2);
  return {
    prefix: SYNTHETIC_PREFIX,
    states: share(0.01, 3),
    organizations: share(0.2, 4),
    actors,
    techniques,
    campaigns: share(0.25, 2),
    responses: share(0.4, 2),
    usesPerActor: Math.min(techniques, Math.max(1, Math.round((relationshipsPerNode - BASE_RELATIONSHIPS_PER_NODE) / 0.1))),
    hubShare: 0.5,
    seed: 1,
    batchSize: 20_000,
    ...overrides,
  };
}

/** mulberry32: a small, fast, seedable generator; Math.random cannot be seeded. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESPONSE_TYPES = ['ATTRIBUTION', 'CONDEMNATION', 'SOLIDARITY', 'CONCERN', 'INDICTMENT', 'SANCTION'] as const;
const STANCES_TOWARD_SPONSOR = [
  'NAMES_RESPONSIBLE',
  'DOES_NOT_NAME',
  'ALLUDES_TO',
  'EXPRESSES_CONCERN_ABOUT',
  'CONDEMNS',
] as const;

interface Generated {
  entities: EntityInput[];
  relationships: RelationshipInput[];
}

/** The whole graph in memory: ~1 KB per item, so 600k items fit comfortably in Node's default heap. */
export function generateSyntheticGraph(options: SyntheticGraphOptions): Generated {
  const random = randomSource(options.seed);
  const pick = (count: number): number => Math.floor(random() * count);
  const p = options.prefix;
  const id = (kind: string, index: number): string => `${p}${kind}:${index}`;

  // Two sources a year apart, so that asOf between them sees only part of the graph.
  const early = { id: `${p}source:early`, published: '2020-01-01' };
  const late = { id: `${p}source:late`, published: '2024-06-01' };
  const cite = (): Citation[] => [{ sourceId: random() < 0.8 ? early.id : late.id, quote: null }];
  const day = (text: string): PartialDate => ({ start: text, precision: 'DAY' });

  const entities: EntityInput[] = [];
  const relationships: RelationshipInput[] = [];
  const entity = (
    kind: EntityKind,
    entityId: string,
    name: string,
    props: Record<string, PropertyValue> = {},
    dates: Record<string, PartialDate | null> = {},
  ): void => {
    entities.push({ id: entityId, kind, name, description: null, props, dates, aliases: [], citations: cite() });
  };
  const link = (type: RelationshipType, from: string, to: string, props: Record<string, PropertyValue> = {}, key = ''): void => {
    relationships.push({ type, from, to, key, props, dates: {}, citations: cite() });
  };

  for (const source of [early, late]) {
    entities.push({
      id: source.id,
      kind: 'Source',
      name: `Synthetic dataset published ${source.published}`,
      description: null,
      props: { sourceType: 'DATASET', titleIsDescriptive: true },
      dates: { published: day(source.published) },
      aliases: [],
      citations: [],
    });
  }

  const alliances = Math.max(1, Math.floor(options.organizations / 50));
  const hubOrOther = (count: number): number => (random() < options.hubShare ? 0 : 1 + pick(count - 1));

  for (let i = 0; i < options.states; i += 1) {
    entity('State', id('state', i), `Synthetic state ${i}`);
    link('MEMBER_OF', id('state', i), id('org', pick(alliances)));
  }
  for (let i = 0; i < options.organizations; i += 1) {
    if (i < alliances) {
      entity('Organization', id('org', i), `Synthetic alliance ${i}`, { orgType: 'INTERGOVERNMENTAL' });
    } else {
      entity('Organization', id('org', i), `Synthetic body ${i}`, { orgType: 'GOVERNMENT_BODY' });
      link('PART_OF', id('org', i), id('state', hubOrOther(options.states)));
    }
  }
  for (let i = 0; i < options.techniques; i += 1) {
    entity('AttackPattern', id('technique', i), `Synthetic technique ${i}`);
  }
  const sponsorOf: number[] = [];
  for (let i = 0; i < options.actors; i += 1) {
    entity('ThreatActor', id('actor', i), `Synthetic actor ${i}`);
    sponsorOf.push(hubOrOther(options.states));
    link('SPONSORED_BY', id('actor', i), id('state', sponsorOf[i]!));
    // Technique 0 is the hub every actor uses; the others are drawn without repeats.
    const used = new Set<number>([0]);
    while (used.size < options.usesPerActor) used.add(pick(options.techniques));
    for (const technique of used) link('USES', id('actor', i), id('technique', technique));
  }
  const perpetratorOf: number[] = [];
  for (let i = 0; i < options.campaigns; i += 1) {
    const year = 2010 + pick(15);
    entity(
      'Campaign',
      id('campaign', i),
      `Synthetic campaign ${i}`,
      {},
      { started: { start: `${year}-01-01`, precision: 'YEAR' } },
    );
    perpetratorOf.push(pick(options.actors));
    link('CONDUCTED_BY', id('campaign', i), id('actor', perpetratorOf[i]!), {
      claimedBy: id('state', pick(options.states)),
      confidence: 50 + pick(50),
    });
    link('TARGETS', id('campaign', i), id('org', alliances + pick(options.organizations - alliances)));
  }
  for (let i = 0; i < options.responses; i += 1) {
    const campaign = pick(options.campaigns);
    const type = RESPONSE_TYPES[pick(RESPONSE_TYPES.length)]!;
    const month = String(1 + pick(12)).padStart(2, '0');
    entity(
      'Response',
      id('response', i),
      `Synthetic response ${i}`,
      { types: [type] },
      { occurred: { start: `${2015 + pick(10)}-${month}-01`, precision: 'MONTH' } },
    );
    link('ISSUED_BY', id('response', i), id('state', pick(options.states)));
    link('CONCERNS', id('response', i), id('campaign', campaign));
    const stance = type === 'ATTRIBUTION' ? 'NAMES_RESPONSIBLE' : STANCES_TOWARD_SPONSOR[pick(STANCES_TOWARD_SPONSOR.length)]!;
    const sponsor = id('state', sponsorOf[perpetratorOf[campaign]!]!);
    link('REFERS_TO', id('response', i), sponsor, { stance }, stance);
  }
  return { entities, relationships };
}

/** The graph as changesets of at most batchSize items: entities first, so relationships find their ends. */
export function* syntheticChangesets(options: SyntheticGraphOptions): Generator<Changeset> {
  const { entities, relationships } = generateSyntheticGraph(options);
  const sources = entities.filter((entity) => entity.kind === 'Source');
  const others = entities.filter((entity) => entity.kind !== 'Source');
  yield { origin: 'synthetic graph (sources)', entities: sources, relationships: [] };
  for (let i = 0; i < others.length; i += options.batchSize) {
    yield { origin: `synthetic graph (entities ${i}-)`, entities: others.slice(i, i + options.batchSize), relationships: [] };
  }
  for (let i = 0; i < relationships.length; i += options.batchSize) {
    yield {
      origin: `synthetic graph (relationships ${i}-)`,
      entities: [],
      relationships: relationships.slice(i, i + options.batchSize),
    };
  }
}

/** Writes the synthetic graph through the import write path; returns what it wrote. */
export async function loadSyntheticGraph(
  db: Database,
  options: SyntheticGraphOptions,
  onBatch?: (written: { entities: number; relationships: number }) => void,
): Promise<{ entities: number; relationships: number }> {
  const written = { entities: 0, relationships: 0 };
  for (const changeset of syntheticChangesets(options)) {
    await applyChangeset(db, changeset);
    written.entities += changeset.entities.length;
    written.relationships += changeset.relationships.length;
    onBatch?.(written);
  }
  return written;
}

/** Deletes every entity whose id starts with the prefix, with its relationships, in batches. */
export async function deleteSyntheticGraph(db: Database, prefix: string = SYNTHETIC_PREFIX): Promise<number> {
  // A short, colon-ended prefix only: an empty or partial one would delete real entities.
  if (!/^[a-z][a-z0-9-]{1,20}:$/.test(prefix)) throw new Error(`refusing to delete by the prefix "${prefix}"`);
  const [row] = await db.autoCommit<{ deleted: number }>('admin/delete-by-id-prefix', { prefix });
  return row?.deleted ?? 0;
}

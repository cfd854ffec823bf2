import { buildResolvers } from '../src/graphql/resolvers/index.js';
import { SEARCH_WORDS } from './names.js';
import type { Random } from './random.js';

/**
 * The operations the benchmark measures, as a front end would send them, and how their variables
 * are drawn (deterministically) from the loaded graph. Traversal workloads need the traversal
 * resolvers (schema/traversal.graphql); they are skipped, with a note, where those are absent.
 */

export interface Pools {
  /** Every entity (id, kind, name, degree). */
  entities: Array<{ id: string; kind: string; name: string; degree: number }>;
  aliasNames: string[];
}

export interface Workload {
  name: string;
  title: string;
  /** Query field the workload needs a resolver for. */
  requires: string;
  query: string;
  /** `count` variable sets. */
  variables(pools: Pools, random: Random, count: number): Array<Record<string, unknown>>;
}

/** States most threat actors are sponsored by (bench/generate.ts), for filters and attributions. */
export const SPONSOR_STATES = ['state:cn', 'state:ru', 'state:ir', 'state:kp', 'state:vn', 'state:pk', 'state:in', 'state:tr'];

export function ofKinds(pools: Pools, kinds: string[]): Pools['entities'] {
  const chosen = pools.entities.filter((entity) => kinds.includes(entity.kind) && entity.degree > 0);
  if (chosen.length === 0) throw new Error(`no entities of kinds ${kinds.join(', ')} to draw from`);
  return chosen;
}

export function draw<T>(count: number, make: () => T): T[] {
  return Array.from({ length: count }, make);
}

/** A bounded neighbourhood around an actor, campaign, organisation or response. */
function neighborhoodWorkload(depth: 2 | 3): Workload {
  return {
    name: `neighborhood-${depth}`,
    title: `${depth}-hop neighbourhood`,
    requires: 'neighborhood',
    query: `query Neighborhood${depth}($id: ID!) {
  neighborhood(id: $id, depth: ${depth}, limit: 200) {
    nodes { id kind name }
    edges { id type source target }
    truncated
  }
}`,
    variables: (pools, random, count) => {
      const centers = ofKinds(pools, ['ThreatActor', 'Campaign', 'Organization', 'Response']);
      return draw(count, () => ({ id: random.pick(centers).id }));
    },
  };
}

export const WORKLOADS: Workload[] = [
  {
    name: 'lookup-by-id',
    title: 'lookup by id',
    requires: 'node',
    query: `query LookupById($id: ID!) { entity(id: $id) { id kind name description knownSince } }`,
    variables: (pools, random, count) => {
      const entities = pools.entities.filter((entity) => entity.kind !== 'Source');
      return draw(count, () => ({ id: random.pick(entities).id }));
    },
  },
  {
    name: 'lookup-by-alias',
    title: 'lookup by alias',
    requires: 'lookup',
    query: `query LookupByAlias($name: String!) { lookup(name: $name) { id kind name } }`,
    variables: (pools, random, count) => draw(count, () => ({ name: random.pick(pools.aliasNames).toLowerCase() })),
  },
  {
    name: 'list-page',
    title: 'filtered list page',
    requires: 'threatActors',
    query: `query ActorsOfSponsor($sponsorId: ID!) {
  threatActors(filter: { sponsorId: $sponsorId }, first: 20) {
    totalCount
    edges { cursor node { id name knownSince } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: (_pools, random, count) => draw(count, () => ({ sponsorId: random.pick(SPONSOR_STATES) })),
  },
  {
    name: 'entity-detail',
    title: 'entity detail, nested',
    requires: 'threatActor',
    query: `query ActorDetail($id: ID!) {
  threatActor(id: $id) {
    id name description knownSince attackIds
    aliases { name givenBy }
    citations { quote source { id name } }
    sponsors { node { id name isoCode } confidence { score text } citations { source { id name } } }
    campaigns { node { id name started { text } } claimedBy { id name } confidence { score } }
    uses { type node { id kind name } }
    stancesReceived { stance response { id name date { text } } }
  }
}`,
    variables: (pools, random, count) => {
      const actors = ofKinds(pools, ['ThreatActor']);
      return draw(count, () => ({ id: random.pick(actors).id }));
    },
  },
  neighborhoodWorkload(2),
  neighborhoodWorkload(3),
  {
    name: 'shortest-path',
    title: 'shortest path, two actors',
    requires: 'paths',
    query: `query ActorPath($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4) {
    paths { length nodes { id name } edges { type source target } }
    truncated
  }
}`,
    variables: (pools, random, count) => {
      const actors = ofKinds(pools, ['ThreatActor']);
      return draw(count, () => ({ from: random.pick(actors).id, to: random.pick(actors).id }));
    },
  },
  {
    name: 'attributions',
    title: 'attributions of a state',
    requires: 'attributions',
    query: `query Attributions($accused: ID!) {
  attributions(accused: $accused, includeSponsoredActors: true, limit: 50) {
    attributions {
      recordedAs
      attributor { id name }
      accused { id name }
      campaign { id name }
      date { text }
      confidence { score }
    }
    truncated
  }
}`,
    variables: (_pools, random, count) => draw(count, () => ({ accused: random.pick(SPONSOR_STATES) })),
  },
  {
    name: 'search',
    title: 'full-text search',
    requires: 'search',
    query: `query Search($text: String!) { search(text: $text, first: 20) { score entity { id kind name } } }`,
    variables: (pools, random, count) =>
      draw(count, () => ({
        text: random.chance(0.5) ? random.pick(SEARCH_WORDS) : random.pick(pools.aliasNames).split(/\s+/)[0]!,
      })),
  },
  ...(
    [
      [
        'statistics-per-year',
        'attributions per accused state and year',
        'attributionsPerYear { accused { id name } year attributions incidents }',
      ],
      [
        'statistics-pairs',
        'who attributes to whom',
        'attributorAccused { attributor { id name } accused { id name } attributions }',
      ],
      [
        'statistics-share',
        'share of incidents with a political or legal response',
        'responseShare { accused { id name } incidents political legal either }',
      ],
      ['statistics-time', 'time to first attribution', 'timeToFirstAttribution { accused { id name } incidents medianDays }'],
    ] as const
  ).map(([name, title, selection]): Workload => ({
    name,
    title,
    requires: 'responseStatistics',
    // One figure per operation: each is one statement, measured on its own.
    query: `query Statistics { responseStatistics { ${selection} } }`,
    variables: (_pools, _random, count) => draw(count, () => ({})),
  })),
];

/** How often each workload comes up in the mix (a front end's plausible proportions). */
export const MIX_WEIGHTS: Record<string, number> = {
  'lookup-by-id': 30,
  'lookup-by-alias': 15,
  'list-page': 10,
  'entity-detail': 15,
  search: 10,
  'neighborhood-2': 8,
  'neighborhood-3': 4,
  'shortest-path': 4,
  attributions: 4,
};

/** The resolver the workload needs, or why it cannot run yet. */
export function missingResolver(workload: Workload): string | null {
  const query = (buildResolvers() as Record<string, Record<string, unknown> | undefined>).Query ?? {};
  return query[workload.requires] === undefined
    ? `skipped: the API has no resolver for Query.${workload.requires} yet (the traversal work is in progress)`
    : null;
}

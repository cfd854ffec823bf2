import { searchQuery } from '../../src/graphql/search.js';
import type { Random } from '../random.js';
import { SPONSOR_STATES, draw, ofKinds, type Pools } from '../workloads.js';

/**
 * The workloads @neo4j/graphql can express, each as the operation a front end sends to the API and
 * the one it would send to the peer for the same answer, with a function per side that reduces the
 * answer to a comparable form (the benchmark checks them id by id before measuring). Lists whose
 * order neither side defines are compared as sorted lists.
 */

type Data = Record<string, unknown> | null;

export interface PeerWorkload {
  name: string;
  title: string;
  ours: string;
  peer: string;
  variables(pools: Pools, random: Random, count: number): Array<{ ours: Record<string, unknown>; peer: Record<string, unknown> }>;
  sameAs: { ours(data: Data): unknown; peer(data: Data): unknown };
}

interface Named {
  id: string;
  name: string;
}
const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const named = (item: Named): Named => ({ id: item.id, name: item.name });
const field = <T>(data: Data, name: string): T => (data as Record<string, T>)[name]!;

/**
 * Actors whose links all fit in one of the API's link pages (500 per field; the peer has no such
 * bound), so that both sides must return every campaign and technique.
 */
function actors(pools: Pools): Pools['entities'] {
  return ofKinds(pools, ['ThreatActor']).filter((entity) => entity.degree <= 400);
}

const same = (count: number, make: () => Record<string, unknown>) =>
  draw(count, () => {
    const variables = make();
    return { ours: variables, peer: variables };
  });

export const PEER_WORKLOADS: PeerWorkload[] = [
  {
    name: 'lookup-by-id',
    title: 'lookup by id',
    ours: `query LookupById($id: ID!) { node(id: $id) { id ... on Entity { kind name description knownSince } } }`,
    peer: `query LookupById($id: ID!) { entities(where: { id: { eq: $id } }) { id kind name description knownSince } }`,
    variables: (pools, random, count) => {
      const entities = pools.entities.filter((entity) => entity.kind !== 'Source');
      return same(count, () => ({ id: random.pick(entities).id }));
    },
    sameAs: {
      ours: (data) => field(data, 'node'),
      peer: (data) => field<unknown[]>(data, 'entities')[0] ?? null,
    },
  },
  {
    name: 'list-page',
    title: 'filtered list page',
    ours: `query ActorsOfSponsor($sponsorId: ID!) {
  threatActors(filter: { sponsorId: $sponsorId }, first: 20) { totalCount edges { node { id name knownSince } } }
}`,
    peer: `query ActorsOfSponsor($sponsorId: ID!) {
  threatActorsConnection(where: { sponsors: { some: { id: { eq: $sponsorId } } } }, first: 20, sort: [{ nameKey: ASC }, { id: ASC }]) {
    totalCount
    edges { node { id name knownSince } }
  }
}`,
    variables: (_pools, random, count) => same(count, () => ({ sponsorId: random.pick(SPONSOR_STATES) })),
    sameAs: {
      ours: (data) => field(data, 'threatActors'),
      peer: (data) => field(data, 'threatActorsConnection'),
    },
  },
  {
    name: 'actor-uses',
    title: 'actor with the names of what it uses',
    ours: `query ActorUses($id: ID!) { threatActor(id: $id) { id name uses { node { id name } } } }`,
    peer: `query ActorUses($id: ID!) { threatActors(where: { id: { eq: $id } }) { id name uses { id name } } }`,
    variables: (pools, random, count) => {
      const chosen = actors(pools);
      return same(count, () => ({ id: random.pick(chosen).id }));
    },
    sameAs: {
      ours: (data) => {
        const actor = field<(Named & { uses: Array<{ node: Named }> }) | null>(data, 'threatActor');
        return actor && { ...named(actor), uses: byId(actor.uses.map((link) => named(link.node))) };
      },
      peer: (data) => {
        const actor = field<Array<Named & { uses: Named[] }>>(data, 'threatActors')[0];
        return actor ? { ...named(actor), uses: byId(actor.uses.map(named)) } : null;
      },
    },
  },
  {
    name: 'two-levels',
    title: "actor's campaigns and their targets (2 levels)",
    ours: `query ActorCampaignTargets($id: ID!) {
  threatActor(id: $id) { id name campaigns { node { id name targets { node { id name } } } } }
}`,
    peer: `query ActorCampaignTargets($id: ID!) {
  threatActors(where: { id: { eq: $id } }) {
    id
    name
    conducted { id name targets { id name } }
    attributed { id name targets { id name } }
  }
}`,
    variables: (pools, random, count) => {
      const chosen = actors(pools);
      return same(count, () => ({ id: random.pick(chosen).id }));
    },
    sameAs: {
      ours: (data) => {
        type Campaign = Named & { targets: Array<{ node: Named }> };
        const actor = field<(Named & { campaigns: Array<{ node: Campaign }> }) | null>(data, 'threatActor');
        return (
          actor && {
            ...named(actor),
            campaigns: byId(
              actor.campaigns.map(({ node }) => ({ ...named(node), targets: byId(node.targets.map((t) => named(t.node))) })),
            ),
          }
        );
      },
      peer: (data) => {
        type Campaign = Named & { targets: Named[] };
        const actor = field<Array<Named & { conducted: Campaign[]; attributed: Campaign[] }>>(data, 'threatActors')[0];
        return actor
          ? {
              ...named(actor),
              // The API lists a campaign once per relationship (conducted by and attributed to: twice).
              campaigns: byId(
                [...actor.conducted, ...actor.attributed].map((c) => ({ ...named(c), targets: byId(c.targets.map(named)) })),
              ),
            }
          : null;
      },
    },
  },
  {
    name: 'search',
    title: 'full-text search',
    ours: `query Search($text: String!) { search(text: $text, first: 20) { score entity { id kind name } } }`,
    // The same Lucene query the API builds from the words (src/graphql/resolvers/model.ts).
    peer: `query Search($phrase: String!) {
  entitySearch(phrase: $phrase, first: 20, sort: [{ score: DESC }]) { edges { score node { id kind name } } }
}`,
    variables: (pools, random, count) =>
      draw(count, () => {
        const text = random.pick(pools.aliasNames).split(/\s+/)[0]!;
        return { ours: { text }, peer: { phrase: searchQuery(text) } };
      }),
    sameAs: {
      ours: (data) =>
        rankedIds(field<Array<{ score: number; entity: { id: string } }>>(data, 'search').map((r) => [r.score, r.entity.id])),
      peer: (data) =>
        rankedIds(
          field<{ edges: Array<{ score: number; node: { id: string } }> }>(data, 'entitySearch').edges.map((e) => [
            e.score,
            e.node.id,
          ]),
        ),
    },
  },
];

/**
 * A ranked page compared where ranking defines it: the scores, and the ids scoring above the page's
 * lowest score (entities tied at the cut may differ between two correct answers).
 */
function rankedIds(hits: Array<[number, string]>): unknown {
  const lowest = Math.min(...hits.map(([score]) => score));
  return {
    scores: hits.map(([score]) => score.toFixed(4)),
    above: hits
      .filter(([score]) => score > lowest)
      .map(([, id]) => id)
      .sort(),
  };
}

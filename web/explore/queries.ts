import { graphql } from '../shared/graphql.js';

/**
 * The API operations the graph view uses, with the shapes they answer. Everything goes through the
 * public GraphQL API (schema/traversal.graphql, schema/model.graphql): the view has no back door.
 */

export interface PartialDate {
  text: string;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  published: PartialDate | null;
}

export interface Citation {
  quote: string | null;
  source: SourceRef;
}

export interface Confidence {
  score: number | null;
  text: string | null;
}

export interface EntityRef {
  id: string;
  kind: string;
  name: string;
}

export interface Entity extends EntityRef {
  knownSince: string | null;
  /** Responses only: when it was issued and what kind of act it is (for the label and tooltip). */
  date?: PartialDate;
  types?: string[];
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  stance: string | null;
  confidence: Confidence | null;
  claimedBy: EntityRef | null;
  asset: string | null;
  title: string | null;
  knownSince: string | null;
  citations: Citation[];
}

export interface Neighborhood {
  center: EntityRef | null;
  nodes: Entity[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface GraphPath {
  length: number;
  nodes: Entity[];
  edges: GraphEdge[];
}

const CITATION = `fragment Cite on Citation { quote source { id title publisher url published { text } } }`;
const NODE_FIELDS = `id kind name knownSince ... on Response { date { text } types }`;
const EDGE_FIELDS = `id type source target stance asset title knownSince
  confidence { score text } claimedBy { id kind name } citations { ...Cite }`;

/** Filters the toolbar applies to every traversal. */
export interface TraversalFilters {
  asOf: string | null;
  relationshipTypes: string[] | null;
  minConfidence: number | null;
  depth: number;
}

/**
 * The API's largest neighbourhood (limit 1000). The view asks for all of it at once and draws a
 * page at a time, so that "load more" needs no second request and "showing 200 of N" knows N.
 */
export const NEIGHBORHOOD_LIMIT = 1000;

const NEIGHBORHOOD = `query ExploreNeighborhood($id: ID!, $depth: Int, $types: [RelationshipType!], $minConfidence: Int,
  $asOf: String, $limit: Int) {
  neighborhood(id: $id, depth: $depth, relationshipTypes: $types, minConfidence: $minConfidence, asOf: $asOf, limit: $limit) {
    truncated
    center { id kind name }
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
  }
}
${CITATION}`;

export async function fetchNeighborhood(id: string, filters: TraversalFilters): Promise<Neighborhood> {
  const { neighborhood } = await graphql<{ neighborhood: Neighborhood }>(NEIGHBORHOOD, {
    id,
    depth: filters.depth,
    types: filters.relationshipTypes,
    minConfidence: filters.minConfidence,
    asOf: filters.asOf,
    limit: NEIGHBORHOOD_LIMIT,
  });
  return neighborhood;
}

const PATHS = `query ExplorePaths($from: ID!, $to: ID!, $types: [RelationshipType!], $asOf: String) {
  paths(from: $from, to: $to, maxHops: 6, relationshipTypes: $types, mode: K_SHORTEST, k: 3, asOf: $asOf) {
    paths { length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } }
  }
}
${CITATION}`;

/** The three shortest paths between two entities, shortest first. */
export async function fetchPaths(from: string, to: string, filters: TraversalFilters): Promise<GraphPath[]> {
  const { paths } = await graphql<{ paths: { paths: GraphPath[] } }>(PATHS, {
    from,
    to,
    types: filters.relationshipTypes,
    asOf: filters.asOf,
  });
  return paths.paths;
}

const SEARCH = `query ExploreSearch($text: String!) {
  search(text: $text, first: 10) { entity { id kind name } }
}`;

export async function search(text: string): Promise<EntityRef[]> {
  const { search: hits } = await graphql<{ search: Array<{ entity: EntityRef }> }>(SEARCH, { text });
  return hits.map((hit) => hit.entity);
}

const LOOKUP = `query ExploreLookup($name: String!) { lookup(name: $name) { id kind name } }`;

/** An entity by id, by exact name or alias ("EU"), or else the best search hit. */
export async function resolveEntity(text: string): Promise<EntityRef | null> {
  const { lookup } = await graphql<{ lookup: EntityRef[] }>(LOOKUP, { name: text });
  if (lookup[0]) return lookup[0];
  const hits = await search(text);
  return hits[0] ?? null;
}

export interface TimelineEvent {
  date: PartialDate;
  kind: string;
  subject: EntityRef;
  responseTypes: string[];
}

const TIMELINE = `query ExploreTimeline($id: ID!, $asOf: String) {
  timeline(entityId: $id, asOf: $asOf, limit: 500) {
    truncated
    events { date { text } kind subject { id kind name } responseTypes }
  }
}`;

export async function fetchTimeline(id: string, asOf: string | null): Promise<{ events: TimelineEvent[]; truncated: boolean }> {
  const { timeline } = await graphql<{ timeline: { events: TimelineEvent[]; truncated: boolean } }>(TIMELINE, { id, asOf });
  return timeline;
}

export interface Alias {
  name: string;
  givenBy: string | null;
  citations: Citation[];
}

interface Linked {
  node: EntityRef;
  claimedBy?: EntityRef | null;
  confidence?: Confidence | null;
  asset?: string | null;
  knownSince: string | null;
  citations: Citation[];
}

export interface Stance {
  stance: string;
  target: EntityRef;
  knownSince: string | null;
  citations: Citation[];
}

export interface ResponseBrief extends EntityRef {
  date: PartialDate;
  types: string[];
  issuer: EntityRef;
}

/** An entity with what its evidence panel shows; the fields of its own kind only are present. */
export interface EntityDetails extends Entity {
  description: string | null;
  attackIds: string[];
  aliases: Alias[];
  citations: Citation[];
  // Response
  issuer?: EntityRef;
  onBehalfOf?: EntityRef | null;
  confidence?: Confidence | null;
  basis?: string | null;
  concerns?: EntityRef[];
  acknowledges?: EntityRef[];
  stances?: Stance[];
  // Campaign
  started?: PartialDate | null;
  disclosed?: PartialDate | null;
  targets?: Linked[];
  conductedBy?: Linked[];
  responses?: ResponseBrief[];
  // ThreatActor
  sponsors?: Linked[];
  uses?: Array<{ node: EntityRef }>;
  campaigns?: Linked[];
  // State, Organization
  isoCode?: string | null;
  orgType?: string | null;
  memberOf?: Linked[];
  sponsoredActors?: Linked[];
  responsesIssued?: ResponseBrief[];
  // Source
  title?: string;
  publisher?: string | null;
  url?: string | null;
  published?: PartialDate | null;
}

const LINKED = `node { id kind name } knownSince citations { ...Cite }`;
const RESPONSE_BRIEF = `id kind name date { text } types issuer { id kind name }`;

const DETAILS = `query ExploreDetails($id: ID!) {
  node(id: $id) {
    ... on Entity {
      id kind name description knownSince attackIds
      aliases { name givenBy citations { ...Cite } }
      citations { ...Cite }
    }
    ... on Response {
      date { text } types basis confidence { score text }
      issuer { id kind name } onBehalfOf { id kind name }
      concerns { id kind name } acknowledges { id kind name }
      stances { stance knownSince target { id kind name } citations { ...Cite } }
    }
    ... on Campaign {
      started { text } disclosed { text }
      targets { asset ${LINKED} }
      conductedBy { claimedBy { id kind name } confidence { score text } ${LINKED} }
      responses { ${RESPONSE_BRIEF} }
    }
    ... on ThreatActor {
      sponsors { claimedBy { id kind name } confidence { score text } ${LINKED} }
      campaigns { ${LINKED} }
      uses { node { id kind name } }
    }
    ... on State {
      isoCode
      memberOf { ${LINKED} }
      sponsoredActors { ${LINKED} }
      responsesIssued { ${RESPONSE_BRIEF} }
    }
    ... on Organization {
      orgType
      responsesIssued { ${RESPONSE_BRIEF} }
    }
    ... on Source { title publisher url published { text } }
  }
}
${CITATION}`;

export async function fetchDetails(id: string): Promise<EntityDetails | null> {
  const { node } = await graphql<{ node: EntityDetails | null }>(DETAILS, { id });
  return node;
}

export interface Attribution {
  recordedAs: string;
  response: EntityRef | null;
  attributor: EntityRef | null;
  accused: EntityRef;
  sponsor: EntityRef | null;
  campaign: EntityRef | null;
  date: PartialDate | null;
  confidence: Confidence | null;
  citations: Citation[];
}

export interface PartyPosition {
  party: EntityRef;
  position: string;
  stances: string[];
  citations: Citation[];
}

export interface ResponseSummary {
  campaign: EntityRef | null;
  responseCount: number;
  namedBy: PartyPosition[];
  declinedToName: PartyPosition[];
}

const ATTRIBUTIONS = `query ExploreAttributions($accused: ID!, $asOf: String) {
  attributions(accused: $accused, includeSponsoredActors: true, asOf: $asOf, limit: 200) {
    truncated
    attributions {
      recordedAs date { text } confidence { score text }
      response { id kind name } attributor { id kind name } accused { id kind name } sponsor { id kind name }
      campaign { id kind name }
      citations { ...Cite }
    }
  }
}
${CITATION}`;

/** The API allows 15 aliases per operation: summaries of at most this many campaigns in one request. */
const SUMMARIES_PER_REQUEST = 10;

function summariesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$c${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `s${i}: responseSummary(campaign: $c${i}, asOf: $asOf) {
      campaign { id kind name } responseCount
      namedBy { party { id kind name } position stances citations { ...Cite } }
      declinedToName { party { id kind name } position stances citations { ...Cite } }
    }`,
  ).join('\n');
  return `query ExploreSummaries(${variables}, $asOf: String) {\n${fields}\n}\n${CITATION}`;
}

/** Who attributed what to a state (or to the actors it sponsors), and per campaign who named it and who did not. */
export async function fetchStateAttributions(
  id: string,
  asOf: string | null,
): Promise<{ attributions: Attribution[]; truncated: boolean; summaries: ResponseSummary[] }> {
  const { attributions } = await graphql<{ attributions: { attributions: Attribution[]; truncated: boolean } }>(ATTRIBUTIONS, {
    accused: id,
    asOf,
  });
  const campaigns = [...new Set(attributions.attributions.flatMap((row) => (row.campaign ? [row.campaign.id] : [])))].slice(
    0,
    SUMMARIES_PER_REQUEST,
  );
  let summaries: ResponseSummary[] = [];
  if (campaigns.length > 0) {
    const variables: Record<string, unknown> = { asOf };
    campaigns.forEach((campaign, i) => (variables[`c${i}`] = campaign));
    const answer = await graphql<Record<string, ResponseSummary>>(summariesQuery(campaigns.length), variables);
    summaries = campaigns.map((_, i) => answer[`s${i}`]!).filter((summary) => summary.campaign !== null);
  }
  return { ...attributions, summaries };
}

const EXPORT_STIX = `query ExploreExportStix($ids: [ID!], $after: String) {
  exportStix(ids: $ids, first: 1000, after: $after) { bundle pageInfo { hasNextPage endCursor } }
}`;

interface StixPage {
  bundle: string;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The selection as one STIX bundle: the API serves it a page at a time; pages are joined here. */
export async function exportStix(ids: string[]): Promise<string> {
  let after: string | null = null;
  let first: { type: string; id: string; objects: Array<{ id: string }> } | null = null;
  const seen = new Set<string>();
  for (;;) {
    const answer: { exportStix: StixPage } = await graphql<{ exportStix: StixPage }>(EXPORT_STIX, { ids, after });
    const bundle = JSON.parse(answer.exportStix.bundle) as { type: string; id: string; objects: Array<{ id: string }> };
    if (first === null) first = { ...bundle, objects: [] };
    for (const object of bundle.objects) {
      if (seen.has(object.id)) continue;
      seen.add(object.id);
      first.objects.push(object);
    }
    if (!answer.exportStix.pageInfo.hasNextPage) break;
    after = answer.exportStix.pageInfo.endCursor;
  }
  return JSON.stringify(first, null, 2);
}

/** Neighbourhoods per request when looking up the links between drawn entities (the API allows 15 aliases). */
const LINKS_PER_REQUEST = 8;

/**
 * The relationships of each entity, for the links between entities drawn from different
 * expansions. The API has no "relationships among these ids" query, so this asks each entity's
 * depth-1 neighbourhood (its 60 nearest neighbours), several per request.
 */
export async function fetchLinksOf(ids: string[], filters: TraversalFilters): Promise<Map<string, GraphEdge[]>> {
  const answers = new Map<string, GraphEdge[]>();
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += LINKS_PER_REQUEST) batches.push(ids.slice(i, i + LINKS_PER_REQUEST));
  await Promise.all(
    batches.map(async (batch) => {
      const variables: Record<string, unknown> = {
        types: filters.relationshipTypes,
        minConfidence: filters.minConfidence,
        asOf: filters.asOf,
      };
      batch.forEach((id, i) => (variables[`i${i}`] = id));
      const fields = batch
        .map(
          (_, i) =>
            `n${i}: neighborhood(id: $i${i}, depth: 1, relationshipTypes: $types, minConfidence: $minConfidence, asOf: $asOf, limit: 60) { edges { ${EDGE_FIELDS} } }`,
        )
        .join('\n');
      const query = `query ExploreLinks(${batch.map((_, i) => `$i${i}: ID!`).join(', ')}, $types: [RelationshipType!], $minConfidence: Int, $asOf: String) {\n${fields}\n}\n${CITATION}`;
      const answer = await graphql<Record<string, { edges: GraphEdge[] }>>(query, variables);
      batch.forEach((id, i) => answers.set(id, answer[`n${i}`]?.edges ?? []));
    }),
  );
  return answers;
}

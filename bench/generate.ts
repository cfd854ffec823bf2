import type { Database } from '../src/db/database.js';
import { toNeo4jDate } from '../src/db/values.js';
import { nameKey } from '../src/model/names.js';
import type { EntityKind, RelationshipType, Stance } from '../src/model/vocabulary.js';
import * as names from './names.js';
import { Random, WeightedPicker, zipfWeights } from './random.js';

/**
 * The synthetic part of the benchmark's dataset: scales the imported graph (ATT&CK, MISP, seed) to
 * about 100,000 nodes and 500,000 relationships at scale 1, with the hubs real data has: a few
 * sponsor states behind most actors, victim states with thousands of bodies and companies, popular
 * ATT&CK techniques used by most groups. Deterministic for a given seed.
 *
 * It writes with UNWIND batches through cypher/bench/ (much faster than validating 500k relationships
 * through the changeset path), but every node and relationship has the shape the write path gives
 * real ones (docs/model.md): Entity + kind label, id, kind, name, nameKey, aliasText, citeSources /
 * citeQuotes citing a bench Source, knownSince, contentHash; relationships with key, citations and
 * knownSince, and confidence / claimedBy / stance / asset / title where their type has them.
 */

export interface GenerateOptions {
  /** 1 = about 100k nodes and 500k relationships with the imported data. */
  scale: number;
  seed: number;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

export interface GenerateReport {
  entities: Record<string, number>;
  aliases: number;
  relationships: Record<string, number>;
  seconds: number;
}

type Props = Record<string, unknown>;
interface EntityRow {
  id: string;
  kind: EntityKind;
  props: Props;
}
interface AliasRow {
  entityId: string;
  name: string;
  nameKey: string;
  givenBy: string;
  citeSources: string[];
  citeQuotes: string[];
  knownSince: unknown;
}
interface RelationshipRow {
  from: string;
  to: string;
  type: RelationshipType;
  props: Props;
}

/** Counts at scale 1; imported data adds about 7,000 nodes and 20,000 relationships. */
const BASE = {
  sources: 4000,
  alliances: 60,
  organizations: 20000,
  actors: 3000,
  software: 2500,
  persons: 5000,
  groups: 1000,
  campaigns: 18000,
  responses: 30000,
  actorUses: 40,
  softwareUses: 12,
  campaignUses: 5,
};

/** States the generator makes sure exist (state:<iso>), victims first: the order makes the hubs. */
const VICTIM_STATES = [
  'us',
  'ua',
  'gb',
  'de',
  'fr',
  'kr',
  'jp',
  'tw',
  'in',
  'il',
  'sa',
  'ae',
  'cz',
  'pl',
  'it',
  'es',
  'nl',
  'be',
  'se',
  'no',
  'fi',
  'dk',
  'ee',
  'lv',
  'lt',
  'ro',
  'bg',
  'hu',
  'sk',
  'si',
  'hr',
  'rs',
  'gr',
  'tr',
  'cy',
  'pt',
  'ie',
  'at',
  'ch',
  'lu',
  'mt',
  'is',
  'ca',
  'mx',
  'br',
  'ar',
  'cl',
  'co',
  'pe',
  've',
  'au',
  'nz',
  'sg',
  'my',
  'id',
  'th',
  'vn',
  'ph',
  'pk',
  'bd',
  'lk',
  'np',
  'af',
  'ir',
  'iq',
  'sy',
  'lb',
  'jo',
  'kw',
  'qa',
  'bh',
  'om',
  'ye',
  'eg',
  'ly',
  'tn',
  'dz',
  'ma',
  'ng',
  'ke',
  'et',
  'za',
  'gh',
  'sn',
  'ci',
  'cm',
  'tz',
  'ug',
  'zw',
  'ru',
  'by',
  'kz',
  'uz',
  'kg',
  'tj',
  'tm',
  'az',
  'am',
  'ge',
  'md',
  'mk',
  'al',
  'ba',
  'me',
  'cn',
  'kp',
  'mn',
];
/** Sponsor states and their share of sponsored actors. */
const SPONSORS: Array<[string, number]> = [
  ['cn', 30],
  ['ru', 25],
  ['ir', 12],
  ['kp', 10],
  ['vn', 3],
  ['pk', 3],
  ['in', 3],
  ['tr', 2],
  ['il', 2],
  ['ae', 2],
  ['by', 2],
  ['lb', 1],
  ['kz', 1],
  ['us', 2],
  ['gb', 1],
  ['sy', 1],
];

const RESPONSE_TYPES: Array<[string, number]> = [
  ['ATTRIBUTION', 40],
  ['CONDEMNATION', 20],
  ['SOLIDARITY', 15],
  ['CONCERN', 10],
  ['SANCTION', 5],
  ['INDICTMENT', 5],
  ['CALL_TO_ACTION', 5],
];
const CONFIDENCE: Array<[string, number]> = [
  ['high degree of certainty', 85],
  ['likely', 70],
  ['moderate confidence', 50],
  ['almost certainly', 95],
  ['low confidence', 15],
];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2010, 0, 1);
const LAST_DAY = Date.UTC(2025, 9, 31);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function randomDay(random: Random, fromMs = FIRST_DAY): string {
  return isoDay(fromMs + random.int(0, Math.max(0, Math.floor((LAST_DAY - fromMs) / DAY_MS))) * DAY_MS);
}

function yearEnd(year: number): string {
  return `${year}-12-31`;
}

/** Writes rows in UNWIND batches through one cypher/bench statement; each batch is one transaction. */
class BatchWriter<T> {
  private buffer: T[] = [];
  written = 0;

  constructor(
    private readonly db: Database,
    private readonly statement: string,
    private readonly size: number,
  ) {}

  async add(row: T): Promise<void> {
    this.buffer.push(row);
    if (this.buffer.length >= this.size) await this.flush();
  }

  async addAll(rows: T[]): Promise<void> {
    for (const row of rows) await this.add(row);
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.db.writeTransaction(`bench ${this.statement}`, (tx) => tx.run(this.statement, { rows }), 300_000);
    this.written += rows.length;
  }
}

interface Reference {
  id: string;
  kind: string;
  name: string;
  isoCode: string | null;
  degree: number;
}

interface SourceInfo {
  id: string;
  published: string;
}

/** What one claim cites: one or two bench sources, their quotes, and the earliest publication. */
function citations(random: Random, sources: SourceInfo[]): { citeSources: string[]; citeQuotes: string[]; knownSince: unknown } {
  const cited = random.distinct(random.chance(0.8) ? 1 : 2, () => random.pick(sources));
  const earliest = cited.map((source) => source.published).sort()[0]!;
  return {
    citeSources: cited.map((source) => source.id),
    citeQuotes: cited.map(() => (random.chance(0.5) ? '' : `as the ${names.sector(random)} advisory states`)),
    knownSince: toNeo4jDate(earliest),
  };
}

function entity(
  id: string,
  kind: EntityKind,
  name: string,
  description: string | null,
  cite: Props,
  extra: Props = {},
  aliases: string[] = [],
): EntityRow {
  return {
    id,
    kind,
    props: {
      name,
      nameKey: nameKey(name),
      description,
      aliasText: aliases.length > 0 ? aliases.join(' | ') : null,
      ...cite,
      ...extra,
      contentHash: `bench:${id}`,
    },
  };
}

function dateProps(name: string, iso: string, precision: 'YEAR' | 'MONTH' | 'DAY'): Props {
  const year = Number(iso.slice(0, 4));
  const start = precision === 'YEAR' ? `${year}-01-01` : precision === 'MONTH' ? `${iso.slice(0, 7)}-01` : iso;
  const end =
    precision === 'YEAR' ? yearEnd(year) : precision === 'MONTH' ? isoDay(Date.UTC(year, Number(iso.slice(5, 7)), 0)) : iso;
  return {
    [`${name}On`]: toNeo4jDate(start),
    [`${name}End`]: toNeo4jDate(end),
    [`${name}Precision`]: precision,
  };
}

function weighted<T>(pairs: Array<[T, number]>): WeightedPicker<T> {
  return new WeightedPicker(
    pairs.map(([item]) => item),
    pairs.map(([, weight]) => weight),
  );
}

function countryName(iso: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(iso.toUpperCase()) ?? iso.toUpperCase();
  } catch {
    return iso.toUpperCase();
  }
}

export async function generateGraph(db: Database, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const random = new Random(options.seed);
  const scale = options.scale;
  const n = (base: number): number => Math.max(1, Math.round(base * scale));
  const batch = options.batchSize ?? 5000;
  const progress = options.onProgress ?? (() => undefined);
  const entityCounts: Record<string, number> = {};
  const relationshipCounts: Record<string, number> = {};

  const references = await db.read<Reference>('bench/entity-sample', {
    kinds: ['State', 'AttackPattern', 'Malware', 'Tool', 'ThreatActor', 'Organization'],
  });
  const ofKind = (kind: string): Reference[] => references.filter((row) => row.kind === kind);

  const entities: EntityRow[] = [];
  const aliases: AliasRow[] = [];
  const addEntity = (row: EntityRow): void => {
    entities.push(row);
    entityCounts[row.kind] = (entityCounts[row.kind] ?? 0) + 1;
  };

  // Sources every synthetic claim cites.
  const sources: SourceInfo[] = [];
  for (let i = 0; i < n(BASE.sources); i += 1) {
    const id = `source:bench-${String(i).padStart(5, '0')}`;
    const published = randomDay(random);
    sources.push({ id, published });
    addEntity(
      entity(
        id,
        'Source',
        names.sourceTitle(random, i),
        null,
        { citeSources: [], citeQuotes: [], knownSince: toNeo4jDate(published) },
        {
          publisher: names.publisherName(random),
          url: `https://bench.example/${id.slice(7)}`,
          sourceType: random.pick(['NEWS_ARTICLE', 'OFFICIAL_STATEMENT', 'REPORT', 'DATASET', 'COURT_FILING']),
          titleIsDescriptive: false,
          ...dateProps('published', published, 'DAY'),
        },
      ),
    );
  }
  const cite = (): ReturnType<typeof citations> => citations(random, sources);

  // States: the imported ones, and any of the list still missing.
  const stateIds = new Set(ofKind('State').map((row) => row.id));
  for (const iso of VICTIM_STATES) {
    const id = `state:${iso}`;
    if (stateIds.has(id)) continue;
    stateIds.add(id);
    addEntity(entity(id, 'State', countryName(iso), null, cite(), { isoCode: iso.toUpperCase() }));
  }
  const victimStates = new WeightedPicker(
    VICTIM_STATES.map((iso) => `state:${iso}`),
    zipfWeights(VICTIM_STATES.length, 1.1),
  );
  const sponsorStates = weighted(SPONSORS.map(([iso, weight]) => [`state:${iso}`, weight] as [string, number]));

  // Alliances (intergovernmental organisations), the seed's NATO and EU among them.
  const alliances: string[] = ofKind('Organization')
    .filter((row) => row.id === 'org:nato' || row.id === 'org:eu')
    .map((row) => row.id);
  for (let i = 0; i < n(BASE.alliances); i += 1) {
    const id = `org:bench-alliance-${i}`;
    alliances.push(id);
    addEntity(
      entity(id, 'Organization', `${names.sector(random)} cooperation council ${i}`, null, cite(), {
        orgType: 'INTERGOVERNMENTAL',
      }),
    );
  }

  // Organisations: government bodies, agencies and companies of (mostly victim) states.
  interface Org {
    id: string;
    state: string;
    type: string;
  }
  const orgs: Org[] = [];
  const orgTypes = weighted<string>([
    ['COMPANY', 55],
    ['GOVERNMENT_BODY', 25],
    ['AGENCY', 10],
    ['SECURITY_VENDOR', 3],
    ['OTHER', 7],
  ]);
  for (let i = 0; i < n(BASE.organizations); i += 1) {
    const id = `org:bench-${String(i).padStart(6, '0')}`;
    const state = victimStates.pick(random);
    const type = orgTypes.pick(random);
    const country = countryName(state.slice(6));
    const name =
      type === 'GOVERNMENT_BODY' || type === 'AGENCY' ? names.bodyName(random, country) : names.companyName(random, country);
    orgs.push({ id, state, type });
    addEntity(entity(id, 'Organization', `${name} ${i}`, null, cite(), { orgType: type }));
  }
  const governmentOrgs = orgs.filter((org) => org.type === 'GOVERNMENT_BODY' || org.type === 'AGENCY');

  // Threat actors, with aliases given by vendors.
  const actorIds: string[] = ofKind('ThreatActor').map((row) => row.id);
  const actorNames = new Map(ofKind('ThreatActor').map((row) => [row.id, row.name]));
  const sponsorOf = new Map<string, string>();
  for (let i = 0; i < n(BASE.actors); i += 1) {
    const id = `actor:bench-${String(i).padStart(5, '0')}`;
    const sponsor = random.chance(0.7) ? sponsorStates.pick(random) : null;
    if (sponsor !== null) sponsorOf.set(id, sponsor);
    const own = names.actorAliases(random, i);
    const name = names.actorName(random, i);
    actorIds.push(id);
    actorNames.set(id, name);
    addEntity(
      entity(
        id,
        'ThreatActor',
        name,
        names.actorDescription(random, sponsor === null ? 'no state' : countryName(sponsor.slice(6))),
        cite(),
        {},
        own.map((alias) => alias.name),
      ),
    );
    for (const alias of own)
      aliases.push({ entityId: id, name: alias.name, nameKey: nameKey(alias.name), givenBy: alias.givenBy, ...cite() });
  }
  // Popular actors get most campaigns (APT28 and friends): Zipf over a shuffled order.
  const actorPicker = new WeightedPicker(random.shuffle(actorIds), zipfWeights(actorIds.length, 0.9));

  // Malware and tools.
  const softwareIds: string[] = [...ofKind('Malware'), ...ofKind('Tool')].map((row) => row.id);
  const syntheticSoftware: string[] = [];
  for (let i = 0; i < n(BASE.software); i += 1) {
    const kind: EntityKind = random.chance(0.7) ? 'Malware' : 'Tool';
    const id = `${kind === 'Malware' ? 'malware' : 'tool'}:bench-${String(i).padStart(5, '0')}`;
    softwareIds.push(id);
    syntheticSoftware.push(id);
    addEntity(
      entity(
        id,
        kind,
        names.malwareName(random, i),
        `A ${kind === 'Malware' ? 'backdoor' : 'utility'} seen in ${names.sector(random)} intrusions.`,
        cite(),
      ),
    );
  }

  // Persons and groups of people.
  const persons: Array<{ id: string; org: string }> = [];
  for (let i = 0; i < n(BASE.persons); i += 1) {
    const id = `person:bench-${String(i).padStart(5, '0')}`;
    const org = random.chance(0.1) ? random.pick(alliances) : random.pick(governmentOrgs).id;
    persons.push({ id, org });
    addEntity(entity(id, 'Person', `${names.personName(random)} ${i}`, null, cite()));
  }
  const groups: string[] = [];
  for (let i = 0; i < n(BASE.groups); i += 1) {
    const id = `group:bench-${String(i).padStart(5, '0')}`;
    groups.push(id);
    addEntity(
      entity(id, 'PersonGroup', `Charged members of group ${i}`, null, cite(), {
        size: random.int(2, 12),
        nationality: sponsorStates.pick(random).slice(6).toUpperCase(),
      }),
    );
  }

  // Campaigns: who (a popular actor, mostly), against whom (organisations of a victim state).
  interface CampaignInfo {
    id: string;
    actor: string;
    victimState: string;
    targets: string[];
  }
  const orgsByState = new Map<string, Org[]>();
  for (const org of orgs) orgsByState.set(org.state, [...(orgsByState.get(org.state) ?? []), org]);
  const campaigns: CampaignInfo[] = [];
  for (let i = 0; i < n(BASE.campaigns); i += 1) {
    const id = `campaign:bench-${String(i).padStart(6, '0')}`;
    const actor = actorPicker.pick(random);
    const victimState = victimStates.pick(random);
    const local = orgsByState.get(victimState) ?? orgs;
    const targets = random.distinct(random.int(1, 4), () => (random.chance(0.15) ? victimState : random.pick(local).id));
    const year = random.int(2010, 2025);
    campaigns.push({ id, actor, victimState, targets });
    const precision = random.pick(['YEAR', 'MONTH', 'DAY'] as const);
    addEntity(
      entity(
        id,
        'Campaign',
        names.campaignName(random, actorNames.get(actor) ?? actor, countryName(victimState.slice(6)), year),
        names.campaignDescription(random),
        cite(),
        {
          ...dateProps(
            'started',
            `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
            precision,
          ),
          ...dateProps('disclosed', randomDay(random, Date.UTC(year, 0, 1)), 'DAY'),
        },
      ),
    );
  }

  // Responses: attributions, condemnations, solidarity, … by states, bodies, alliances and persons.
  interface ResponseInfo {
    id: string;
    types: string[];
    issuer: string;
    onBehalfOf: string | null;
    concerns: CampaignInfo[];
  }
  const responses: ResponseInfo[] = [];
  const responseTypes = weighted(RESPONSE_TYPES);
  for (let i = 0; i < n(BASE.responses); i += 1) {
    const id = `response:bench-${String(i).padStart(6, '0')}`;
    const concerns = random.distinct(random.chance(0.7) ? 1 : 2, () => random.pick(campaigns));
    const first = concerns[0]!;
    const types = random.distinct(random.chance(0.8) ? 1 : 2, () => responseTypes.pick(random));
    let issuer: string;
    let onBehalfOf: string | null = null;
    const who = random.next();
    if (who < 0.6) issuer = random.chance(0.8) ? first.victimState : victimStates.pick(random);
    else if (who < 0.8) {
      const bodies = orgsByState.get(first.victimState)?.filter((org) => org.type !== 'COMPANY') ?? [];
      issuer = random.pick(bodies.length > 0 ? bodies : governmentOrgs).id;
    } else if (who < 0.92) issuer = random.pick(alliances);
    else {
      const person = random.pick(persons);
      issuer = person.id;
      onBehalfOf = person.org;
    }
    responses.push({ id, types, issuer, onBehalfOf, concerns });
    const [words, score] = random.pick(CONFIDENCE);
    const attribution = types.includes('ATTRIBUTION');
    addEntity(
      entity(
        id,
        'Response',
        `${types.join(' and ').toLowerCase()} ${i}`,
        `Response to ${names.sector(random)} intrusions.`,
        cite(),
        {
          types,
          ...dateProps(
            'occurred',
            randomDay(random, Date.UTC(2015, 0, 1)),
            random.pick(['DAY', 'DAY', 'MONTH', 'YEAR'] as const),
          ),
          ...(attribution ? { confidence: score, confidenceText: words, basis: 'an investigation' } : {}),
        },
      ),
    );
  }

  const entityWriter = new BatchWriter<EntityRow>(db, 'bench/create-entities', batch);
  await entityWriter.addAll(entities);
  await entityWriter.flush();
  progress(`${entityWriter.written} entities`);
  const aliasWriter = new BatchWriter<AliasRow>(db, 'bench/create-aliases', batch);
  await aliasWriter.addAll(aliases);
  await aliasWriter.flush();
  progress(`${aliasWriter.written} aliases`);

  const relationships = new BatchWriter<RelationshipRow>(db, 'bench/create-relationships', batch);
  const link = async (type: RelationshipType, from: string, to: string, extra: Props = {}, key = ''): Promise<void> => {
    relationshipCounts[type] = (relationshipCounts[type] ?? 0) + 1;
    await relationships.add({
      from,
      to,
      type,
      props: { key, ...cite(), ...extra, contentHash: `bench:${type}:${from}:${to}:${key}` },
    });
  };

  // Popular techniques stay popular: Zipf over the imported techniques, most used first.
  const techniques = ofKind('AttackPattern')
    .sort((a, b) => b.degree - a.degree)
    .map((row) => row.id);
  if (techniques.length === 0) throw new Error('the generator links to imported ATT&CK techniques: import ATT&CK first');
  const techniquePicker = new WeightedPicker(techniques, zipfWeights(techniques.length, 0.8));
  const softwarePicker = new WeightedPicker(softwareIds, zipfWeights(softwareIds.length, 0.7));

  for (const [state, count] of [...stateIds].map((id) => [id, random.int(1, 4)] as const)) {
    for (const alliance of random.distinct(count, () =>
      random.chance(0.4) ? random.pick(alliances.slice(0, 2)) : random.pick(alliances),
    )) {
      await link('MEMBER_OF', state, alliance);
    }
  }
  for (const org of orgs) {
    if (org.type !== 'COMPANY' || random.chance(0.6)) await link('PART_OF', org.id, org.state);
    if (org.type === 'COMPANY' && random.chance(0.15))
      await link('DESIGNATED_CRITICAL_INFRASTRUCTURE_BY', org.id, org.state, { claimedBy: org.state });
  }
  for (const person of persons) await link('HOLDS_ROLE', person.id, person.org, { title: names.roleTitle(random) });
  for (const group of groups) await link('MEMBER_OF', group, actorPicker.pick(random));
  progress('organisations, persons and groups linked');

  for (const actor of actorIds.filter((id) => id.startsWith('actor:bench-'))) {
    const sponsor = sponsorOf.get(actor);
    if (sponsor !== undefined) await link('SPONSORED_BY', actor, sponsor);
    const count = Math.min(random.around(BASE.actorUses, 3), 300);
    for (const used of random.distinct(count, () =>
      random.chance(0.7) ? techniquePicker.pick(random) : softwarePicker.pick(random),
    )) {
      await link('USES', actor, used, {}, '');
    }
  }
  for (const software of syntheticSoftware) {
    for (const technique of random.distinct(random.around(BASE.softwareUses, 1), () => techniquePicker.pick(random))) {
      await link('USES', software, technique);
    }
  }
  progress('actors and software linked');

  for (const campaign of campaigns) {
    if (random.chance(0.9)) {
      const [words, score] = random.pick(CONFIDENCE);
      await link('CONDUCTED_BY', campaign.id, campaign.actor, {
        claimedBy: campaign.victimState,
        confidence: score,
        confidenceText: words,
      });
    } else {
      await link('ATTRIBUTED_TO', campaign.id, campaign.actor);
    }
    for (const target of campaign.targets) {
      await link(
        'TARGETS',
        campaign.id,
        target,
        random.chance(0.3) ? { asset: `${names.sector(random)} network`, claimedBy: campaign.victimState } : {},
      );
    }
    for (const technique of random.distinct(random.around(BASE.campaignUses, 1), () => techniquePicker.pick(random))) {
      await link('USES', campaign.id, technique);
    }
  }
  progress('campaigns linked');

  for (let i = 0; i < responses.length; i += 1) {
    const response = responses[i]!;
    await link('ISSUED_BY', response.id, response.issuer);
    if (response.onBehalfOf !== null) await link('ON_BEHALF_OF', response.id, response.onBehalfOf);
    const stances = new Set<string>();
    for (const campaign of response.concerns) {
      await link('CONCERNS', response.id, campaign.id);
      const sponsor = sponsorOf.get(campaign.actor);
      if (response.types.includes('ATTRIBUTION')) {
        stances.add(`${sponsor ?? campaign.actor}|NAMES_RESPONSIBLE`);
        if (sponsor !== undefined && random.chance(0.5)) stances.add(`${campaign.actor}|NAMES_RESPONSIBLE`);
      } else if (sponsor !== undefined) {
        stances.add(`${sponsor}|${random.pick(['ALLUDES_TO', 'DOES_NOT_NAME', 'EXPRESSES_CONCERN_ABOUT', 'CALLS_ON'] as const)}`);
      }
      if (response.types.includes('SOLIDARITY') || random.chance(0.3))
        stances.add(`${campaign.victimState}|EXPRESSES_SOLIDARITY_WITH`);
      if (response.types.includes('CONDEMNATION')) stances.add(`${sponsor ?? campaign.actor}|CONDEMNS`);
      if (response.types.includes('SANCTION') || response.types.includes('INDICTMENT')) {
        stances.add(`${random.pick(groups)}|${response.types.includes('SANCTION') ? 'SANCTIONS' : 'CHARGES'}`);
      }
    }
    for (const key of stances) {
      const [target, stance] = key.split('|') as [string, Stance];
      const [words, score] = random.pick(CONFIDENCE);
      await link(
        'REFERS_TO',
        response.id,
        target,
        { stance, ...(stance === 'NAMES_RESPONSIBLE' ? { confidence: score, confidenceText: words } : {}) },
        stance,
      );
    }
    if (i > 0 && random.chance(0.15)) await link('ACKNOWLEDGES', response.id, responses[random.int(0, i - 1)]!.id);
  }
  await relationships.flush();
  progress(`${relationships.written} relationships`);

  return {
    entities: entityCounts,
    aliases: aliasWriter.written,
    relationships: relationshipCounts,
    seconds: (performance.now() - started) / 1000,
  };
}

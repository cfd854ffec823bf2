import type { PropertyValue } from '../../write/changeset.js';
import { resolveCountry, stateId } from '../../model/countries.js';
import { Findings } from '../findings.js';
import {
  count,
  emptyDocument,
  type ImportedDocument,
  type ImportedLink,
  type ImportedName,
  type ImportedObject,
} from '../imported.js';
import { isRecord, type Raw } from '../../model/records.js';

/**
 * Reads a MISP galaxy cluster file whose clusters are threat actors (`values[]` with `value`,
 * `uuid`, `description`, `meta`, `related`): the threat-actor galaxy, Microsoft activity groups,
 * MITRE intrusion sets, Tidal groups, vendors' actor clusters. A galaxy of anything else (tools,
 * malware, sectors) is refused, naming its type. A defective cluster or reference is skipped with a
 * warning naming its position (`values[12] "APT31" related[2]`). The meta fields the model maps are
 * listed in MAPPED_META; every other one stays in the cluster's JSON (mispJson) and is counted.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ATT&CK group id, alone ("G0128") or ending a name ("ZIRCONIUM - G0128"). */
const ATTACK_GROUP_ID = /^G\d{4}$/;
const NAME_WITH_ATTACK_ID = /^(.*\S)\s+-\s+(G\d{4})$/;

const MAPPED_META = new Set([
  'synonyms',
  'country',
  'cfr-suspected-state-sponsor',
  'cfr-suspected-victims',
  'attribution-confidence',
  'refs',
]);

/** "50 = no information" in the MISP galaxy's attribution-confidence. */
const NO_INFORMATION = 50;

/**
 * Galaxies whose clusters are actors, by their `type` or `category`: threat-actor,
 * microsoft-activity-group, mitre-intrusion-set, tidal's "groups", vendor clusters such as
 * "360net-threat-actor" (category "actor"). Tools, malware, sectors, campaigns are not actors.
 */
const ACTOR_TYPE = /threat-actor|intrusion-set|activity-group|(^|-)groups?$|actors?$/i;
const ACTOR_CATEGORY = /actor|threat group|intrusion set|adversar/i;

/** Who gives ATT&CK ids as names: they are MITRE's, whichever file repeats them. */
const ATTACK_GIVER = 'MITRE ATT&CK';

export function mispObjectId(uuid: string): string {
  return `misp:${uuid.toLowerCase()}`;
}

interface Galaxy {
  name: string;
  values: unknown[];
}

/** The galaxy's clusters, or a refusal when the file is not an actor galaxy. */
function actorGalaxy(document: unknown, origin: string, findings: Findings): Galaxy | null {
  if (!isRecord(document) || !Array.isArray(document.values)) {
    findings.refuse(origin, 'is not a MISP galaxy cluster file: expected {"values": [...]}');
    return null;
  }
  const type = typeof document.type === 'string' ? document.type : null;
  const category = typeof document.category === 'string' ? document.category : null;
  const actors = (type === null && category === null) || ACTOR_TYPE.test(type ?? '') || ACTOR_CATEGORY.test(category ?? '');
  if (!actors) {
    findings.refuse(
      origin,
      `is a MISP "${type ?? '(no type)'}" galaxy${category === null ? '' : ` (category "${category}")`}, whose clusters are not threat actors; only galaxies of actors (threat-actor, microsoft-activity-group, mitre-intrusion-set, tidal groups, vendors' actor clusters) are imported`,
    );
    return null;
  }
  return { name: typeof document.name === 'string' ? document.name : 'MISP galaxy', values: document.values };
}

/** Typed access to a cluster's meta; a wrong type is a defect of the cluster. */
class Meta {
  constructor(
    readonly raw: Raw,
    private readonly at: string,
    private readonly findings: Findings,
  ) {}

  strings(field: string): string[] {
    const list = this.raw[field];
    if (list === undefined) return [];
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      this.findings.defect(this.at, `meta.${field} must be a list of strings`);
      return [];
    }
    return list as string[];
  }

  text(field: string): string | null {
    const item = this.raw[field];
    if (item === undefined) return null;
    if (typeof item !== 'string') {
      this.findings.defect(this.at, `meta.${field} must be a string, got ${JSON.stringify(item)}`);
      return null;
    }
    return item;
  }

  confidence(): number | null {
    const raw = this.raw['attribution-confidence'];
    if (raw === undefined) return null;
    const parsed = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 100) {
      this.findings.defect(this.at, `meta.attribution-confidence must be a number from 0 to 100, got ${JSON.stringify(raw)}`);
      return null;
    }
    return parsed;
  }

  /** ATT&CK group ids the cluster states: meta external_id, group_attack_id and the like. */
  attackIds(): string[] {
    const ids: string[] = [];
    for (const [field, value] of Object.entries(this.raw)) {
      if (!/(^|[-_])(external|attack)[-_]?id$|attack/i.test(field)) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string' && ATTACK_GROUP_ID.test(item.trim())) ids.push(item.trim());
      }
    }
    return ids;
  }

  /** meta["origin:<synonym>"] says which vendor uses a synonym (Secureworks for BRONZE VINEWOOD). */
  origin(alias: string): string | null {
    const given = this.raw[`origin:${alias}`];
    return typeof given === 'string' ? given : null;
  }
}

/** The actor's name (without an ATT&CK id suffix) and every name the cluster gives it. */
function clusterNames(value: string, synonyms: string[], meta: Meta, galaxyName: string, attackIds: string[]) {
  const suffixed = NAME_WITH_ATTACK_ID.exec(value);
  const name = suffixed ? suffixed[1]! : value;
  const names: ImportedName[] = [];
  const seen = new Set<string>();
  const add = (alias: string, givenBy: string): void => {
    if (alias.trim() === '' || seen.has(alias)) return;
    seen.add(alias);
    names.push({ name: alias, givenBy, quote: null });
  };
  for (const alias of [name, value, ...synonyms]) {
    if (ATTACK_GROUP_ID.test(alias)) continue;
    add(alias, meta.origin(alias) ?? galaxyName);
  }
  for (const id of attackIds) add(id, ATTACK_GIVER);
  return { name, names };
}

/** Turns country names into State objects (one per ISO code) and counts those naming none. */
class StateTable {
  readonly states = new Map<string, ImportedObject>();
  readonly unresolved = new Map<string, number>();

  constructor(private readonly galaxyName: string) {}

  idOf(text: string, at: string): string | null {
    const country = resolveCountry(text);
    if (country === null) {
      this.unresolved.set(text, (this.unresolved.get(text) ?? 0) + 1);
      return null;
    }
    const id = stateId(country.isoCode);
    if (!this.states.has(id)) {
      this.states.set(id, {
        at,
        externalId: id,
        proposedId: id,
        kind: 'State',
        name: country.name,
        description: null,
        // The galaxy's own wording ("Iran (Islamic Republic of)") is kept as a name it gives.
        names: text === country.name ? [] : [{ name: text, givenBy: this.galaxyName, quote: null }],
        props: { isoCode: country.isoCode },
        modified: null,
        resolveByName: false,
        identifiers: [],
        createOnly: true,
      });
    }
    return id;
  }
}

/** SPONSORED_BY and TARGETS claims of the cfr-* meta fields. */
function stateClaims(actorId: string, meta: Meta, at: string, confidence: number | null, states: StateTable): ImportedLink[] {
  const links: ImportedLink[] = [];
  const claim = (type: ImportedLink['type'], target: string, field: string, props: Record<string, PropertyValue> = {}) =>
    links.push({
      at,
      type,
      from: actorId,
      to: target,
      key: `${actorId}:${field}`,
      props: { mispField: field, ...props },
      required: true,
    });
  const sponsor = meta.text('cfr-suspected-state-sponsor');
  if (sponsor !== null && sponsor.trim() !== '') {
    const target = states.idOf(sponsor, at);
    // 50 means "no information" in this galaxy: no score rather than a made-up one.
    const scored: Record<string, PropertyValue> = confidence !== null && confidence !== NO_INFORMATION ? { confidence } : {};
    if (target !== null) claim('SPONSORED_BY', target, 'cfr-suspected-state-sponsor', scored);
  }
  for (const victim of meta.strings('cfr-suspected-victims')) {
    const target = states.idOf(victim, at);
    if (target !== null) claim('TARGETS', target, 'cfr-suspected-victims');
  }
  return links;
}

/** `related[]` entries as RELATED_TO links; one without a dest-uuid is skipped on its own. */
function relatedLinks(actorId: string, related: unknown, at: string, findings: Findings): ImportedLink[] {
  if (related === undefined) return [];
  if (!Array.isArray(related)) {
    findings.defect(at, 'related must be a list');
    return [];
  }
  const links: ImportedLink[] = [];
  related.forEach((entry, index) => {
    const where = `${at} related[${index}]`;
    const link = findings.item('the reference', () => {
      if (!isRecord(entry) || typeof entry['dest-uuid'] !== 'string' || !UUID.test(entry['dest-uuid'])) {
        findings.defect(where, `has no dest-uuid (got ${JSON.stringify(isRecord(entry) ? entry['dest-uuid'] : entry)})`);
        return null;
      }
      const props: Record<string, PropertyValue> = { relationshipType: typeof entry.type === 'string' ? entry.type : 'related' };
      if (Array.isArray(entry.tags) && entry.tags.every((tag) => typeof tag === 'string')) props.tags = entry.tags as string[];
      return {
        at: where,
        type: 'RELATED_TO',
        from: actorId,
        to: mispObjectId(entry['dest-uuid']),
        key: `${actorId}:related`,
        props,
        required: false,
      } satisfies ImportedLink;
    });
    if (link !== null) links.push(link);
  });
  return links;
}

interface ClusterContext {
  galaxyName: string;
  findings: Findings;
  states: StateTable;
  uuids: Set<string>;
  unknownProperties: Record<string, number>;
}

/** One cluster: the actor, its claims about states and its related clusters. */
function readCluster(
  value: unknown,
  at: string,
  context: ClusterContext,
): { actor: ImportedObject; links: ImportedLink[] } | null {
  const { findings } = context;
  if (!isRecord(value)) {
    findings.defect(at, 'is not a JSON object');
    return null;
  }
  const name = typeof value.value === 'string' && value.value.trim() !== '' ? value.value : null;
  if (name === null) findings.defect(at, 'value (the actor name) is missing or not a string');
  const uuid = typeof value.uuid === 'string' && UUID.test(value.uuid) ? value.uuid.toLowerCase() : null;
  if (uuid === null) findings.defect(at, `uuid is missing or not a UUID (got ${JSON.stringify(value.uuid)})`);
  else if (context.uuids.has(uuid)) findings.defect(at, `uuid ${uuid} appears earlier in the file`);
  if (value.description !== undefined && typeof value.description !== 'string')
    findings.defect(at, 'description must be a string');
  const rawMeta = value.meta === undefined ? {} : value.meta;
  if (!isRecord(rawMeta)) {
    findings.defect(at, 'meta must be an object');
    return null;
  }
  const meta = new Meta(rawMeta, at, findings);
  const synonyms = meta.strings('synonyms');
  const refs = meta.strings('refs');
  const victims = meta.strings('cfr-suspected-victims');
  const country = meta.text('country');
  const sponsor = meta.text('cfr-suspected-state-sponsor');
  const confidence = meta.confidence();
  if (name === null || uuid === null) return null;
  context.uuids.add(uuid);

  const suffix = NAME_WITH_ATTACK_ID.exec(name);
  const attackIds = [
    ...new Set([
      ...meta.attackIds(),
      ...(suffix ? [suffix[2]!] : []),
      ...synonyms.filter((synonym) => ATTACK_GROUP_ID.test(synonym)),
    ]),
  ].sort();
  const { name: actorName, names } = clusterNames(name, synonyms, meta, context.galaxyName, attackIds);
  const props: Record<string, PropertyValue> = { mispUuids: [uuid], mispJson: JSON.stringify(value) };
  if (attackIds.length > 0) props.attackIds = attackIds;
  if (country !== null && country !== '') props.country = country;
  if (refs.length > 0) props.refs = refs;
  if (confidence !== null) props.attributionConfidence = confidence;
  if (sponsor !== null) props.suspectedStateSponsor = sponsor;
  if (victims.length > 0) props.suspectedVictims = victims;
  const actorId = mispObjectId(uuid);
  const actor: ImportedObject = {
    at,
    externalId: actorId,
    proposedId: actorId,
    kind: 'ThreatActor',
    name: actorName,
    description: typeof value.description === 'string' && value.description !== '' ? value.description : null,
    names,
    props,
    modified: null,
    resolveByName: true,
    identifiers: [`uuid:${uuid}`, ...attackIds.map((id) => `attack:${id}`)],
    createOnly: false,
  };
  const links = [
    ...stateClaims(actorId, meta, at, confidence, context.states),
    ...relatedLinks(actorId, value.related, at, findings),
  ];
  return { actor, links };
}

function countUnmapped(value: unknown, unknownProperties: Record<string, number>): void {
  if (!isRecord(value)) return;
  if (isRecord(value.meta)) {
    for (const key of Object.keys(value.meta)) {
      if (!MAPPED_META.has(key)) count(unknownProperties, `meta.${key.startsWith('origin:') ? 'origin:*' : key}`);
    }
  }
  for (const key of Object.keys(value)) {
    if (!['value', 'uuid', 'description', 'meta', 'related'].includes(key)) count(unknownProperties, key);
  }
}

export function readMispGalaxy(document: unknown, origin: string): ImportedDocument {
  const findings = new Findings();
  const galaxy = actorGalaxy(document, origin, findings);
  findings.refuseIfAny(origin);
  const about = document as Raw;
  const result = emptyDocument('misp', 'MISP galaxy', galaxy!.values.length, {
    title: typeof about.name === 'string' ? `MISP galaxy: ${about.name}` : null,
    version: typeof about.version === 'number' || typeof about.version === 'string' ? String(about.version) : null,
    publisher: typeof about.source === 'string' ? about.source : null,
  });
  const context: ClusterContext = {
    galaxyName: galaxy!.name,
    findings,
    states: new StateTable(galaxy!.name),
    uuids: new Set(),
    unknownProperties: result.unknownProperties,
  };
  galaxy!.values.forEach((value, index) => {
    const label = isRecord(value) && typeof value.value === 'string' ? ` "${value.value}"` : '';
    const at = `values[${index}]${label}`;
    const cluster = findings.item('the cluster', () => readCluster(value, at, context));
    if (cluster === null) return;
    countUnmapped(value, result.unknownProperties);
    result.objects.push(cluster.actor);
    result.links.push(...cluster.links);
  });
  result.objects.push(...context.states.states.values());
  if (context.states.unresolved.size > 0) {
    const listed = [...context.states.unresolved].map(([text, times]) => `"${text}" (${times})`).join(', ');
    findings.warn(`country names that name no known country, kept as text but not linked to a State: ${listed}`);
  }
  result.warnings.push(...findings.warnings);
  return result;
}

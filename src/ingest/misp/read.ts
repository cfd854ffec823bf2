import { ChangesetError, type Problem, type PropertyValue } from '../../write/changeset.js';
import {
  count,
  emptyDocument,
  type ImportedDocument,
  type ImportedLink,
  type ImportedName,
  type ImportedObject,
} from '../imported.js';
import { countryCode, countryName, stateId } from './countries.js';
import { isRecord } from '../../model/records.js';

/**
 * Reads a MISP galaxy cluster file of the threat-actor galaxy (`values[]` with `value`, `uuid`,
 * `description`, `meta`, `related`) into an ImportedDocument. The meta fields the model maps are
 * listed in MAPPED_META; every other one stays in the cluster's JSON (mispJson) and is counted.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

export function mispObjectId(uuid: string): string {
  return `misp:${uuid.toLowerCase()}`;
}

export function readMispGalaxy(document: unknown, origin: string): ImportedDocument {
  if (!isRecord(document) || !Array.isArray(document.values)) {
    throw new ChangesetError(origin, [{ at: origin, message: 'is not a MISP galaxy cluster file: expected {"values": [...]}' }]);
  }
  if (document.type !== undefined && document.type !== 'threat-actor') {
    throw new ChangesetError(origin, [
      { at: origin, message: `is a MISP "${String(document.type)}" galaxy; only the threat-actor galaxy is mapped to the model` },
    ]);
  }
  const problems: Problem[] = [];
  const problem = (at: string, message: string): void => {
    problems.push({ at, message });
  };
  const galaxyName = typeof document.name === 'string' ? document.name : 'MISP galaxy';
  const result = emptyDocument('misp', 'MISP galaxy', document.values.length, {
    title: typeof document.name === 'string' ? `MISP galaxy: ${document.name}` : null,
    version: typeof document.version === 'number' || typeof document.version === 'string' ? String(document.version) : null,
    publisher: typeof document.source === 'string' ? document.source : null,
  });

  const states = new Map<string, ImportedObject>();
  const unresolvedCountries = new Map<string, number>();
  const uuids = new Set<string>();

  const state = (text: string, at: string): string | null => {
    const code = countryCode(text);
    if (code === null) {
      unresolvedCountries.set(text, (unresolvedCountries.get(text) ?? 0) + 1);
      return null;
    }
    const id = stateId(code);
    if (!states.has(id)) {
      const name = countryName(code);
      states.set(id, {
        at,
        externalId: id,
        proposedId: id,
        kind: 'State',
        name,
        description: null,
        // The galaxy's own wording ("Iran (Islamic Republic of)") is kept as a name it gives.
        names: text === name ? [] : [{ name: text, givenBy: galaxyName, quote: null }],
        props: { isoCode: code },
        modified: null,
        resolveByName: false,
        createOnly: true,
      });
    }
    return id;
  };

  (document.values as unknown[]).forEach((value, index) => {
    const label = isRecord(value) && typeof value.value === 'string' ? ` "${value.value}"` : '';
    const at = `values[${index}]${label}`;
    if (!isRecord(value)) {
      problem(at, 'is not a JSON object');
      return;
    }
    const name = typeof value.value === 'string' && value.value.trim() !== '' ? value.value : null;
    if (name === null) problem(at, 'value (the actor name) is missing or not a string');
    const uuid = typeof value.uuid === 'string' && UUID.test(value.uuid) ? value.uuid.toLowerCase() : null;
    if (uuid === null) problem(at, `uuid is missing or not a UUID (got ${JSON.stringify(value.uuid)})`);
    else if (uuids.has(uuid)) problem(at, `uuid ${uuid} appears twice in the file`);
    if (uuid !== null) uuids.add(uuid);
    if (value.description !== undefined && typeof value.description !== 'string') problem(at, 'description must be a string');
    const meta = value.meta === undefined ? {} : value.meta;
    if (!isRecord(meta)) {
      problem(at, 'meta must be an object');
      return;
    }
    const strings = (field: string): string[] => {
      const list = meta[field];
      if (list === undefined) return [];
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        problem(at, `meta.${field} must be a list of strings`);
        return [];
      }
      return list as string[];
    };
    const text = (field: string): string | null => {
      const item = meta[field];
      if (item === undefined) return null;
      if (typeof item !== 'string') {
        problem(at, `meta.${field} must be a string, got ${JSON.stringify(item)}`);
        return null;
      }
      return item;
    };
    const synonyms = strings('synonyms');
    const refs = strings('refs');
    const victims = strings('cfr-suspected-victims');
    const country = text('country');
    const sponsor = text('cfr-suspected-state-sponsor');
    let confidence: number | null = null;
    const rawConfidence = meta['attribution-confidence'];
    if (rawConfidence !== undefined) {
      const parsed =
        typeof rawConfidence === 'number' ? rawConfidence : typeof rawConfidence === 'string' ? Number(rawConfidence) : NaN;
      if (
        !Number.isFinite(parsed) ||
        parsed < 0 ||
        parsed > 100 ||
        (typeof rawConfidence === 'string' && rawConfidence.trim() === '')
      ) {
        problem(at, `meta.attribution-confidence must be a number from 0 to 100, got ${JSON.stringify(rawConfidence)}`);
      } else confidence = parsed;
    }
    for (const key of Object.keys(meta)) {
      if (!MAPPED_META.has(key)) count(result.unknownProperties, `meta.${key.startsWith('origin:') ? 'origin:*' : key}`);
    }
    for (const key of Object.keys(value)) {
      if (!['value', 'uuid', 'description', 'meta', 'related'].includes(key)) count(result.unknownProperties, key);
    }
    if (name === null || uuid === null) return;

    // meta["origin:<synonym>"] says which vendor uses a synonym (Secureworks for BRONZE VINEWOOD).
    const origin = (alias: string): string | null => {
      const given = meta[`origin:${alias}`];
      return typeof given === 'string' ? given : null;
    };
    const names: ImportedName[] = [];
    const seen = new Set<string>();
    for (const alias of [name, ...synonyms]) {
      if (alias.trim() === '' || seen.has(alias)) continue;
      seen.add(alias);
      names.push({ name: alias, givenBy: origin(alias) ?? galaxyName, quote: null });
    }
    const props: Record<string, PropertyValue> = { mispUuids: [uuid], mispJson: JSON.stringify(value) };
    if (country !== null && country !== '') props.country = country;
    if (refs.length > 0) props.refs = refs;
    if (confidence !== null) props.attributionConfidence = confidence;
    if (sponsor !== null) props.suspectedStateSponsor = sponsor;
    if (victims.length > 0) props.suspectedVictims = victims;
    const actorId = mispObjectId(uuid);
    result.objects.push({
      at,
      externalId: actorId,
      proposedId: actorId,
      kind: 'ThreatActor',
      name,
      description: typeof value.description === 'string' && value.description !== '' ? value.description : null,
      names,
      props,
      modified: null,
      resolveByName: true,
      createOnly: false,
    });

    const claim = (field: string): Record<string, PropertyValue> => ({ mispField: field });
    if (sponsor !== null && sponsor.trim() !== '') {
      const target = state(sponsor, at);
      if (target !== null) {
        const relProps = claim('cfr-suspected-state-sponsor');
        // 50 means "no information" in this galaxy: no score rather than a made-up one.
        if (confidence !== null && confidence !== NO_INFORMATION) relProps.confidence = confidence;
        result.links.push(link(at, 'SPONSORED_BY', actorId, target, `${actorId}:cfr-suspected-state-sponsor`, relProps));
      }
    }
    for (const victim of victims) {
      const target = state(victim, at);
      if (target !== null) {
        result.links.push(
          link(at, 'TARGETS', actorId, target, `${actorId}:cfr-suspected-victims`, claim('cfr-suspected-victims')),
        );
      }
    }
    const related = value.related === undefined ? [] : value.related;
    if (!Array.isArray(related)) {
      problem(at, 'related must be a list');
      return;
    }
    related.forEach((entry, relatedIndex) => {
      if (!isRecord(entry) || typeof entry['dest-uuid'] !== 'string' || !UUID.test(entry['dest-uuid'])) {
        problem(`${at} related[${relatedIndex}]`, 'needs a dest-uuid');
        return;
      }
      const relProps: Record<string, PropertyValue> = {
        relationshipType: typeof entry.type === 'string' ? entry.type : 'related',
      };
      if (Array.isArray(entry.tags) && entry.tags.every((tag) => typeof tag === 'string')) relProps.tags = entry.tags as string[];
      result.links.push({
        at,
        type: 'RELATED_TO',
        from: actorId,
        to: mispObjectId(entry['dest-uuid']),
        key: `${actorId}:related`,
        props: relProps,
        required: false,
      });
    });
  });
  if (problems.length > 0) throw new ChangesetError(origin, problems);
  result.objects.push(...states.values());
  if (unresolvedCountries.size > 0) {
    const listed = [...unresolvedCountries].map(([text, times]) => `"${text}" (${times})`).join(', ');
    result.warnings.push(`country names that name no known country, kept as text but not linked to a State: ${listed}`);
  }
  return result;
}

function link(
  at: string,
  type: ImportedLink['type'],
  from: string,
  to: string,
  key: string,
  props: Record<string, PropertyValue>,
): ImportedLink {
  return { at, type, from, to, key, props, required: true };
}

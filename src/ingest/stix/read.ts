import { MAX_TEXT, type PropertyValue } from '../../write/changeset.js';
import { Findings } from '../findings.js';
import {
  count,
  emptyDocument,
  type ImportedDocument,
  type ImportedLink,
  type ImportedName,
  type ImportedObject,
} from '../imported.js';
import { EXTENSION_CREATOR, OWN_EXTENSION_IDS, PROPERTY_EXTENSION_ID } from '../../stix/extensions.js';
import { STIX_ID_PATTERN, stixTypeOfId } from '../../model/stixId.js';
import {
  ATTACK_SOURCE_NAMES,
  COMMON_PROPERTIES,
  KIND_BY_STIX_TYPE,
  RELATIONSHIP_BY_STIX_TYPE,
  TYPE_PROPERTIES,
  identityKind,
  propertyName,
} from '../../stix/mapping.js';
import { restoreGraphRecord } from './restore.js';
import { isRecord, type Raw } from '../../model/records.js';

/**
 * Reads a STIX 2.0 or 2.1 bundle into an ImportedDocument, in steps: the bundle, its identified
 * objects, the latest version of each, what the bundle says about itself, then each object. An
 * object with a defect (a wrong property type, a missing id) is skipped with a warning naming its
 * position (`objects[3] intrusion-set--… "Alpha Bear"`); only a file that is not a bundle is refused. Nothing the model does
 * not map is dropped: unknown object types become StixObject entities with their JSON (stixJson),
 * unknown properties of known types are kept as JSON (stixExtra), and both are counted.
 */

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A property value as the graph stores it: scalars and flat lists as they are, anything else as JSON. */
function toProperty(value: unknown): PropertyValue {
  if (isScalar(value)) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
  return JSON.stringify(value);
}

/** Typed access to an object's fields; a wrong type is a defect of the object being read. */
class Checker {
  constructor(private readonly findings: Findings) {}

  problem(at: string, message: string): void {
    this.findings.defect(at, message);
  }

  string(object: Raw, field: string, at: string, required = false): string | null {
    const value = object[field];
    if (value === undefined || value === null) {
      if (required) this.problem(at, `${field} is missing`);
      return null;
    }
    if (typeof value !== 'string') {
      this.problem(at, `${field} must be a string, got ${JSON.stringify(value)}`);
      return null;
    }
    return value;
  }

  strings(object: Raw, field: string, at: string): string[] {
    const value = object[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      this.problem(at, `${field} must be a list of strings`);
      return [];
    }
    return value as string[];
  }

  timestamp(object: Raw, field: string, at: string): string | null {
    const value = this.string(object, field, at);
    if (value !== null && !TIMESTAMP.test(value))
      this.problem(at, `${field} "${value}" is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)`);
    return value;
  }

  reference(object: Raw, field: string, at: string, required = false): string | null {
    const value = this.string(object, field, at, required);
    if (value !== null && !STIX_ID_PATTERN.test(value)) this.problem(at, `${field} "${value}" is not a STIX identifier`);
    return value;
  }

  references(object: Raw, field: string, at: string): string[] {
    const values = this.strings(object, field, at);
    for (const value of values)
      if (!STIX_ID_PATTERN.test(value)) this.problem(at, `${field} holds "${value}", which is not a STIX identifier`);
    return values;
  }

  boolean(object: Raw, field: string, at: string): boolean | null {
    const value = object[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') {
      this.problem(at, `${field} must be true or false, got ${JSON.stringify(value)}`);
      return null;
    }
    return value;
  }

  confidence(object: Raw, at: string): number | null {
    const value = object.confidence;
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
      this.problem(at, `confidence must be a whole number from 0 to 100, got ${JSON.stringify(value)}`);
      return null;
    }
    return value;
  }

  externalReferences(object: Raw, at: string): Raw[] {
    const value = object.external_references;
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((ref) => isRecord(ref) && typeof ref.source_name === 'string')) {
      this.problem(at, 'external_references must be a list of objects, each with a source_name string');
      return [];
    }
    return value as Raw[];
  }
}

/** The part of an object every type shares: identity, version, provenance, references. */
function commonProps(checker: Checker, object: Raw, at: string, specVersion: string): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {
    stixIds: [object.id as string],
    stixType: object.type as string,
    specVersion,
  };
  const created = checker.timestamp(object, 'created', at);
  const modified = checker.timestamp(object, 'modified', at);
  if (created !== null) props.created = created;
  if (modified !== null) props.modified = modified;
  const createdByRef = checker.reference(object, 'created_by_ref', at);
  if (createdByRef !== null) props.createdByRef = createdByRef;
  const revoked = checker.boolean(object, 'revoked', at);
  if (revoked !== null) props.revoked = revoked;
  const deprecated = checker.boolean(object, 'x_mitre_deprecated', at);
  if (deprecated !== null) props.deprecated = deprecated;
  const confidence = checker.confidence(object, at);
  if (confidence !== null) props.confidence = confidence;
  const labels = checker.strings(object, 'labels', at);
  if (labels.length > 0) props.labels = labels;
  const lang = checker.string(object, 'lang', at);
  if (lang !== null) props.lang = lang;
  const markings = checker.references(object, 'object_marking_refs', at);
  if (markings.length > 0) props.objectMarkingRefs = markings;
  const references = checker.externalReferences(object, at);
  if (references.length > 0) {
    props.externalReferences = JSON.stringify(references);
    const attackIds = references
      .filter((ref) => ATTACK_SOURCE_NAMES.has(String(ref.source_name)) && typeof ref.external_id === 'string')
      .map((ref) => ref.external_id as string);
    if (attackIds.length > 0) props.attackIds = attackIds;
  }
  if (object.granular_markings !== undefined) props.granularMarkings = JSON.stringify(object.granular_markings);
  if (isRecord(object.extensions)) {
    const foreign = Object.fromEntries(Object.entries(object.extensions).filter(([id]) => !OWN_EXTENSION_IDS.has(id)));
    if (Object.keys(foreign).length > 0) props.extensions = JSON.stringify(foreign);
  }
  return props;
}

/** Type-specific mapped properties, and the unmapped rest as stixExtra (counted per property). */
function typeProps(
  checker: Checker,
  object: Raw,
  at: string,
  unknownProperties: Record<string, number>,
): Record<string, PropertyValue> {
  const type = object.type as string;
  const known = new Set<string>([...COMMON_PROPERTIES, ...(TYPE_PROPERTIES[type] ?? [])]);
  const props: Record<string, PropertyValue> = {};
  const extra: Raw = {};
  for (const [field, value] of Object.entries(object)) {
    if (!known.has(field)) {
      extra[field] = value;
      count(unknownProperties, `${type}.${field}`);
      continue;
    }
    if (COMMON_PROPERTIES.includes(field as (typeof COMMON_PROPERTIES)[number])) continue;
    if (field === 'aliases' || field === 'x_mitre_aliases') continue; // names, written as aliases
    if (value === null || value === undefined) continue;
    if (
      field === 'first_seen' ||
      field === 'last_seen' ||
      field === 'published' ||
      field === 'start_time' ||
      field === 'stop_time'
    ) {
      checker.timestamp(object, field, at);
    }
    if (field.endsWith('_refs')) checker.references(object, field, at);
    if (field.endsWith('_ref')) checker.reference(object, field, at);
    if (field === 'is_family') checker.boolean(object, field, at);
    if (field === 'identity_class' || field === 'relationship_type') checker.string(object, field, at);
    props[propertyName(field)] = toProperty(value);
  }
  if (Object.keys(extra).length > 0) props.stixExtra = JSON.stringify(extra);
  return props;
}

/** The names a STIX object is known by, and where the object's own references support them. */
function objectNames(checker: Checker, object: Raw, at: string, givenBy: string | null): ImportedName[] {
  const names = [...checker.strings(object, 'aliases', at), ...checker.strings(object, 'x_mitre_aliases', at)];
  const references = Array.isArray(object.external_references) ? (object.external_references as unknown[]).filter(isRecord) : [];
  const seen = new Set<string>();
  const result: ImportedName[] = [];
  for (const name of names) {
    if (name.trim() === '' || seen.has(name)) continue;
    seen.add(name);
    // ATT&CK (and others) cite an alias with an external reference named after it.
    const reference = references.find((ref) => ref.source_name === name && typeof ref.description === 'string');
    result.push({ name, givenBy, quote: reference ? (reference.description as string) : null });
  }
  return result;
}

/** Keeps the latest version of each id (STIX allows several versions of one object in a bundle). */
function latestVersions(objects: Array<{ object: Raw; at: string }>, findings: Findings): Array<{ object: Raw; at: string }> {
  const byId = new Map<string, { object: Raw; at: string }>();
  let superseded = 0;
  for (const entry of objects) {
    const id = entry.object.id as string;
    const previous = byId.get(id);
    if (previous === undefined) {
      byId.set(id, entry);
      continue;
    }
    superseded += 1;
    if (String(entry.object.modified ?? '') > String(previous.object.modified ?? '')) byId.set(id, entry);
  }
  if (superseded > 0)
    findings.warn(
      `${superseded} older version(s) of objects that appear more than once were left out; the latest modified of each is imported`,
    );
  return [...byId.values()];
}

interface Entry {
  object: Raw;
  at: string;
}

/** The bundle's objects, or a refusal when the file is not a bundle at all. */
function bundleObjects(
  document: unknown,
  origin: string,
  findings: Findings,
): { objects: unknown[]; specVersion: string | null } {
  if (!isRecord(document) || document.type !== 'bundle' || !Array.isArray(document.objects)) {
    findings.refuse(origin, 'is not a STIX bundle: expected {"type": "bundle", "objects": [...]}');
    return { objects: [], specVersion: null };
  }
  // STIX 2.0 puts spec_version on the bundle; 2.1 on each object.
  return {
    objects: document.objects as unknown[],
    specVersion: typeof document.spec_version === 'string' ? document.spec_version : null,
  };
}

/** Where an object is, in the file's own words: `objects[3] intrusion-set--0c7e… "Alpha Bear"`. */
function position(object: unknown, index: number): string {
  const id = isRecord(object) && typeof object.id === 'string' ? ` ${object.id}` : '';
  const name = isRecord(object) && typeof object.name === 'string' && object.name.length <= 80 ? ` "${object.name}"` : '';
  return `objects[${index}]${id}${name}`;
}

/** Objects with a usable type and id; any other is skipped with a warning. */
function identifiedObjects(objects: unknown[], checker: Checker, findings: Findings): Entry[] {
  const entries: Entry[] = [];
  objects.forEach((object, index) => {
    const at = position(object, index);
    const entry = findings.item('the object', () => {
      if (!isRecord(object)) {
        checker.problem(at, 'is not a JSON object');
        return null;
      }
      const type = checker.string(object, 'type', at, true);
      const id = checker.string(object, 'id', at, true);
      if (type === null || id === null) return null;
      if (!STIX_ID_PATTERN.test(id)) checker.problem(at, `id "${id}" is not a STIX identifier (<type>--<UUID>)`);
      else if (stixTypeOfId(id) !== type) checker.problem(at, `id "${id}" does not start with its type "${type}"`);
      return { object, at };
    });
    if (entry !== null) entries.push(entry);
  });
  return entries;
}

/** The dataset's title, version and publisher, and the names of the identities that create objects. */
function describeBundle(entries: Entry[], result: ImportedDocument): Map<string, string> {
  const identities = new Map<string, string>();
  for (const { object } of entries) {
    if (object.type === 'identity' && typeof object.name === 'string') identities.set(object.id as string, object.name);
    if (object.type === 'x-mitre-collection') {
      if (typeof object.name === 'string') result.title = object.name;
      if (typeof object.x_mitre_version === 'string') result.version = object.x_mitre_version;
    }
  }
  const creators = new Set(
    entries.map(({ object }) => object.created_by_ref).filter((ref): ref is string => typeof ref === 'string'),
  );
  if (creators.size === 1) result.publisher = identities.get([...creators][0]!) ?? null;
  return identities;
}

interface ReadContext {
  checker: Checker;
  findings: Findings;
  bundleVersion: string | null;
  identities: Map<string, string>;
  result: ImportedDocument;
  /** What the object being read contributes; dropped when it turns out to have a defect. */
  pending: { objects: ImportedObject[]; links: ImportedLink[] };
}

/** What a STIX relationship states as the relationship's type, ends and identity rather than as properties. */
const RELATIONSHIP_OWN_KEYS = new Set(['relationshipType', 'sourceRef', 'targetRef', 'stixIds', 'stixType']);

/** A relationship object as a link between the ids of its ends. */
function readRelationship(
  object: Raw,
  at: string,
  common: Record<string, PropertyValue>,
  context: ReadContext,
): ImportedLink | null {
  const { checker, result } = context;
  const relationshipType = checker.string(object, 'relationship_type', at, true);
  const from = checker.reference(object, 'source_ref', at, true);
  const to = checker.reference(object, 'target_ref', at, true);
  // Copied without the keys the relationship itself carries: deleting them from a spread copy put
  // each of ATT&CK's 20,000 relationships' properties in a slow dictionary (9% of reading the file).
  const props: Record<string, PropertyValue> = {};
  for (const part of [typeProps(checker, object, at, result.unknownProperties), common]) {
    for (const [name, value] of Object.entries(part)) if (!RELATIONSHIP_OWN_KEYS.has(name)) props[name] = value;
  }
  props.stixId = object.id as string;
  const description = checker.string(object, 'description', at);
  if (description !== null) props.description = description;
  if (relationshipType === null || from === null || to === null) return null;
  const mapped = RELATIONSHIP_BY_STIX_TYPE[relationshipType];
  if (mapped === undefined) {
    count(result.unknownTypes, `relationship_type ${relationshipType}`);
    props.relationshipType = relationshipType;
  }
  return { at, type: mapped ?? 'RELATED_TO', from, to, key: object.id as string, props, required: true };
}

/**
 * An object of a type the model has no kind for, kept whole as JSON. A collection's contents
 * (x_mitre_contents: every object of the release, tens of thousands of references) are the bundle
 * itself: only their number is kept.
 */
function unmappedJson(object: Raw): { json: string; extra: Record<string, PropertyValue> } {
  if (object.type === 'x-mitre-collection' && Array.isArray(object.x_mitre_contents)) {
    const { x_mitre_contents: contents, ...rest } = object;
    return { json: JSON.stringify(rest), extra: { contentsCount: (contents as unknown[]).length } };
  }
  return { json: JSON.stringify(object), extra: {} };
}

/** ATT&CK ids as names: "G0128" finds the actor as its name does. */
const ATTACK_GIVER = 'MITRE ATT&CK';

/** Any other object as an entity: a kind of the model, or a StixObject with its JSON. */
function readEntity(object: Raw, at: string, common: Record<string, PropertyValue>, context: ReadContext): ImportedObject {
  const { checker, identities, result } = context;
  const type = object.type as string;
  const id = object.id as string;
  const givenBy = typeof object.created_by_ref === 'string' ? (identities.get(object.created_by_ref) ?? null) : null;
  const knownKind =
    type === 'identity'
      ? identityKind(typeof object.identity_class === 'string' ? object.identity_class : null)
      : KIND_BY_STIX_TYPE[type];
  const name = checker.string(object, 'name', at);
  const description = checker.string(object, 'description', at);
  const names = objectNames(checker, object, at, givenBy);
  const actor = knownKind === 'ThreatActor';
  const attackIds = actor && Array.isArray(common.attackIds) ? (common.attackIds as string[]) : [];
  const imported: ImportedObject = {
    at,
    externalId: id,
    proposedId: id,
    kind: knownKind ?? 'StixObject',
    // Objects without a name of their own (notes, sightings, markings) are labelled by type and id.
    name: name !== null && name.trim() !== '' ? name : `${type} ${id.slice(type.length + 2)}`,
    description: description === null || description === '' ? null : description,
    names,
    props: common,
    modified: typeof object.modified === 'string' ? object.modified : null,
    resolveByName: actor,
    identifiers: actor
      ? [`uuid:${id.slice(type.length + 2).toLowerCase()}`, ...attackIds.map((attackId) => `attack:${attackId}`)]
      : [],
    createOnly: false,
  };
  if (knownKind === undefined) {
    count(result.unknownTypes, type);
    const unmapped = unmappedJson(object);
    imported.props = { ...common, ...unmapped.extra, stixJson: unmapped.json };
    return imported;
  }
  imported.props = { ...typeProps(checker, object, at, result.unknownProperties), ...common };
  if (actor) {
    // An actor is known by its own name too: that is what other sources' names are matched against.
    if (name !== null && !names.some((n) => n.name === name)) imported.names.unshift({ name, givenBy, quote: null });
    for (const attackId of attackIds) {
      if (!imported.names.some((n) => n.name === attackId))
        imported.names.push({ name: attackId, givenBy: ATTACK_GIVER, quote: null });
    }
  }
  return imported;
}

/** A text property longer than the graph stores is a defect of its object, not of the file. */
function checkSizes(props: Record<string, PropertyValue>, at: string, checker: Checker): void {
  for (const [field, value] of Object.entries(props)) {
    if (typeof value === 'string' && value.length > MAX_TEXT) {
      checker.problem(
        at,
        `${field} holds ${value.length.toLocaleString('en')} characters, more than the ${MAX_TEXT.toLocaleString('en')} a property may`,
      );
    }
  }
}

/** One object: restored from an own export, a link, or an entity (with its reference links). */
function readObject({ object, at }: Entry, context: ReadContext): void {
  const { checker, result } = context;
  const id = object.id as string;
  if (id === EXTENSION_CREATOR.id || OWN_EXTENSION_IDS.has(id)) return; // our own export's scaffolding
  const record = isRecord(object.extensions) ? object.extensions[PROPERTY_EXTENSION_ID] : undefined;
  if (record !== undefined) {
    // Our own export's graph record: a broken one means the file was damaged, so it is refused.
    restoreGraphRecord(record, id, at, result.restored, (where, message) => context.findings.refuse(where, message));
    return;
  }
  const specVersion = typeof object.spec_version === 'string' ? object.spec_version : (context.bundleVersion ?? '2.0');
  const common = commonProps(checker, object, at, specVersion);
  if (object.type === 'relationship') {
    const link = readRelationship(object, at, common, context);
    if (link !== null) {
      checkSizes(link.props, at, checker);
      context.pending.links.push(link);
    }
    return;
  }
  const entity = readEntity(object, at, common, context);
  checkSizes(entity.props, at, checker);
  if (entity.description !== null && entity.description.length > MAX_TEXT)
    checkSizes({ description: entity.description }, at, checker);
  context.pending.objects.push(entity);
  if (entity.kind !== 'StixObject') context.pending.links.push(...objectLinks(checker, object, at));
}

export function readStixBundle(document: unknown, origin: string): ImportedDocument {
  const findings = new Findings();
  const checker = new Checker(findings);
  const bundle = bundleObjects(document, origin, findings);
  findings.refuseIfAny(origin);
  const entries = identifiedObjects(bundle.objects, checker, findings);
  const versions = new Set(
    entries.map((entry) =>
      typeof entry.object.spec_version === 'string' ? entry.object.spec_version : (bundle.specVersion ?? '2.0'),
    ),
  );
  const result = emptyDocument(
    'stix',
    `STIX ${[...versions].sort().join(', ') || bundle.specVersion || '2.1'}`,
    bundle.objects.length,
  );
  const current = latestVersions(entries, findings);
  const context: ReadContext = {
    checker,
    findings,
    bundleVersion: bundle.specVersion,
    identities: describeBundle(current, result),
    result,
    pending: { objects: [], links: [] },
  };
  for (const entry of current) {
    // An object with a defect is skipped whole: none of its entity or links is written.
    context.pending = { objects: [], links: [] };
    const read = findings.item('the object', () => {
      readObject(entry, context);
      return context.pending;
    });
    if (read === null) continue;
    result.objects.push(...read.objects);
    result.links.push(...read.links);
  }
  findings.refuseIfAny(origin);
  result.warnings.push(...findings.warnings);
  return result;
}

/** The references of reports, notes, opinions and sightings, as links. */
function objectLinks(checker: Checker, object: Raw, at: string): ImportedLink[] {
  const id = object.id as string;
  const links: ImportedLink[] = [];
  const optional = (field: string): void => {
    for (const ref of checker.references(object, field, at)) {
      links.push({ at, type: 'OBJECT_REF', from: id, to: ref, key: field, props: { property: field }, required: false });
    }
  };
  if (object.type === 'sighting') {
    const target = checker.reference(object, 'sighting_of_ref', at, true);
    if (target !== null) links.push({ at, type: 'SIGHTING_OF', from: id, to: target, key: '', props: {}, required: true });
    optional('where_sighted_refs');
    optional('observed_data_refs');
  }
  if (object.type === 'report' || object.type === 'note' || object.type === 'opinion') optional('object_refs');
  return links;
}

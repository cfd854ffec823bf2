import { createHash } from 'node:crypto';
import { LOOKUP_BATCH, batches } from '../db/batches.js';
import type { Database, Transaction } from '../db/database.js';
import { decodeCitations } from '../model/citations.js';
import { formatPartialDate } from '../model/partialDate.js';
import { relationshipIdentity } from '../model/relationshipIdentity.js';
import { deterministicStixId, stixTypeOfId, uuidv5 } from '../model/stixId.js';
import { DATE_PRECISIONS, isOneOf, type EntityKind, type RelationshipType } from '../model/vocabulary.js';
import { JSON_PROPERTIES, KIND_BY_STIX_TYPE, RELATIONSHIP_BY_STIX_TYPE, TYPE_PROPERTIES, propertyName } from '../stix/mapping.js';
import {
  EXTENSION_CREATOR,
  NEW_OBJECT_TYPES,
  PROPERTY_EXTENSION_ID,
  STANCE_TYPE,
  extensionDefinitions,
  newObjectExtensionId,
} from '../stix/extensions.js';

/**
 * Exports the graph, or a selection of it, as a STIX 2.1 bundle. Every object carries the graph's
 * own record of it in attribution-graph's property extension, so that importing the bundle into an
 * empty graph restores the same graph; what STIX has no object for (responses, sources, states,
 * stances) travels as new SDOs / SROs declared by extension-definition objects (./extensions.ts).
 */

export interface ExportSelection {
  /** These entities (and the Sources they cite). */
  ids?: string[];
  /** The entities within `depth` relationships of this one (and the Sources they cite). */
  neighborhoodOf?: string;
  depth?: number;
}

export type StixObject = Record<string, unknown>;

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export class ExportError extends Error {
  override name = 'ExportError';
}

type Props = Record<string, unknown>;

interface EntityRow {
  id: string;
  kind: EntityKind;
  props: Props;
}

interface RelationshipRow {
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
}

interface AliasRow {
  id: string;
  name: string;
  givenBy: string | null;
  citeSources: string[] | null;
  citeQuotes: string[] | null;
}

/** Properties the write path derives or stamps; the graph record leaves them out (import recomputes them). */
const DERIVED = new Set([
  'id',
  'kind',
  'name',
  'nameKey',
  'description',
  'aliasText',
  'citeSources',
  'citeQuotes',
  'knownSince',
  'contentHash',
  'createdAt',
  'updatedAt',
  'key',
]);

const MAX_DEPTH = 5;

const STIX_TYPE_BY_KIND: Partial<Record<EntityKind, string>> = {
  ...Object.fromEntries(Object.entries(KIND_BY_STIX_TYPE).map(([type, kind]) => [kind, type])),
  ThreatActor: 'threat-actor',
  Organization: 'identity',
  Person: 'identity',
  PersonGroup: 'identity',
  ...NEW_OBJECT_TYPES,
};

const STIX_RELATIONSHIP_BY_TYPE: Partial<Record<RelationshipType, string>> = Object.fromEntries(
  Object.entries(RELATIONSHIP_BY_STIX_TYPE).map(([stix, type]) => [type, stix]),
);

const ALIAS_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool', 'attack-pattern']);

async function batched<T>(tx: Transaction, statement: string, ids: string[]): Promise<T[]> {
  const rows: T[] = [];
  for (const batch of batches(ids, LOOKUP_BATCH)) rows.push(...(await tx.run<T & object>(statement, { ids: batch })));
  return rows;
}

/** Citations as the graph record extension carries them. */
function citations(sources: unknown, quotes: unknown): Array<{ source: string; quote: string | null }> {
  return decodeCitations(sources, quotes).map(({ sourceId, quote }) => ({ source: sourceId, quote }));
}

/** Splits stored properties into the graph record's props and its partial dates (xOn / xEnd / xPrecision). */
function recordParts(props: Props): { props: Props; dates: Record<string, string | null> } {
  const dates: Record<string, string | null> = {};
  const dateNames = Object.keys(props)
    .filter((key) => key.endsWith('Precision') && isOneOf(DATE_PRECISIONS, props[key]))
    .map((key) => key.slice(0, -'Precision'.length));
  for (const name of dateNames) {
    const start = props[`${name}On`];
    if (typeof start === 'string')
      dates[name] = formatPartialDate(start, props[`${name}Precision`] as (typeof DATE_PRECISIONS)[number]);
  }
  const skip = new Set(dateNames.flatMap((name) => [`${name}On`, `${name}End`, `${name}Precision`]));
  const kept: Props = {};
  for (const key of Object.keys(props).sort()) {
    if (!DERIVED.has(key) && !skip.has(key)) kept[key] = props[key];
  }
  return { props: kept, dates };
}

function timestamp(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value.replace(/\[.*\]$/, ''));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** The STIX type and id of an entity: its own STIX id when it has one that fits its kind, else a derived one. */
function stixIdentity(entity: EntityRow): { type: string; id: string } {
  const stixIds = Array.isArray(entity.props.stixIds) ? (entity.props.stixIds as string[]) : [];
  if (entity.kind === 'StixObject' && stixIds[0] !== undefined)
    return { type: stixTypeOfId(stixIds[0]) ?? 'x-unknown', id: stixIds[0] };
  const fits = (type: string | null): boolean =>
    type !== null &&
    (entity.kind === 'ThreatActor'
      ? type === 'intrusion-set' || type === 'threat-actor'
      : STIX_TYPE_BY_KIND[entity.kind] === type || (type === 'identity' && STIX_TYPE_BY_KIND[entity.kind] === 'identity'));
  const own = stixIds.find((id) => fits(stixTypeOfId(id)));
  if (own !== undefined) return { type: stixTypeOfId(own)!, id: own };
  const type = STIX_TYPE_BY_KIND[entity.kind] ?? 'x-attribution-graph-entity';
  return { type, id: deterministicStixId(type, entity.id) };
}

function entityObject(entity: EntityRow, aliases: AliasRow[]): StixObject {
  const { type, id } = stixIdentity(entity);
  const { props, dates } = recordParts(entity.props);
  const record = {
    extension_type: 'property-extension',
    entity: {
      id: entity.id,
      kind: entity.kind,
      name: entity.props.name,
      description: entity.props.description ?? null,
      props,
      dates,
      aliases: aliases
        .map((alias) => ({
          name: alias.name,
          givenBy: alias.givenBy || null,
          citations: citations(alias.citeSources, alias.citeQuotes),
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || String(a.givenBy).localeCompare(String(b.givenBy))),
      citations: citations(entity.props.citeSources, entity.props.citeQuotes),
    },
  };
  // Unknown types travel as the object they came as; known ones start from their unmapped properties.
  const original = entity.kind === 'StixObject' ? parseJson(props.stixJson) : parseJson(props.stixExtra);
  const object: StixObject = original !== null && typeof original === 'object' ? { ...(original as StixObject) } : {};
  Object.assign(object, {
    type,
    spec_version: '2.1',
    id,
    created: timestamp(props.created) ?? timestamp(entity.props.createdAt) ?? EXTENSION_CREATOR.created,
    modified: timestamp(props.modified) ?? timestamp(entity.props.updatedAt) ?? EXTENSION_CREATOR.created,
  });
  if (entity.kind !== 'StixObject') {
    object.name = entity.props.name;
    if (typeof entity.props.description === 'string') object.description = entity.props.description;
    for (const field of TYPE_PROPERTIES[type] ?? []) {
      const value = props[propertyName(field)];
      if (value === undefined || value === null) continue;
      object[field] = JSON_PROPERTIES.has(propertyName(field)) ? parseJson(value) : value;
    }
    const names = [...new Set(aliases.map((alias) => alias.name))].filter((name) => name !== entity.props.name).sort();
    if (ALIAS_TYPES.has(type) && names.length > 0) object.aliases = names;
    if (type === 'identity')
      object.identity_class =
        entity.kind === 'Person'
          ? 'individual'
          : entity.kind === 'PersonGroup'
            ? 'group'
            : (props.identityClass ?? 'organization');
    if (type === 'malware' && object.is_family === undefined) object.is_family = true; // required in 2.1; ATT&CK's 2.0 malware are families
  }
  const common: Array<[string, string]> = [
    ['createdByRef', 'created_by_ref'],
    ['revoked', 'revoked'],
    ['labels', 'labels'],
    ['confidence', 'confidence'],
    ['lang', 'lang'],
    ['objectMarkingRefs', 'object_marking_refs'],
    ['deprecated', 'x_mitre_deprecated'],
  ];
  for (const [property, field] of common) if (props[property] !== undefined) object[field] = props[property];
  const references = parseJson(props.externalReferences);
  if (Array.isArray(references)) object.external_references = references;
  else if (Array.isArray(props.attackIds)) {
    // An entity that took ATT&CK ids from a merged source (the seed's APT31 is G0128) still shows them.
    object.external_references = (props.attackIds as string[]).map((id) => ({ source_name: 'mitre-attack', external_id: id }));
  }
  const foreign = parseJson(props.extensions);
  const extensions: Record<string, unknown> = foreign !== null && typeof foreign === 'object' ? { ...(foreign as object) } : {};
  if (Object.values(NEW_OBJECT_TYPES).includes(type as never))
    extensions[newObjectExtensionId(type)] = { extension_type: 'new-sdo' };
  extensions[PROPERTY_EXTENSION_ID] = record;
  object.extensions = extensions;
  return object;
}

function relationshipObject(rel: RelationshipRow, stixIds: ReadonlyMap<string, string>): StixObject {
  const { props, dates } = recordParts(rel.props);
  const key = typeof rel.props.key === 'string' ? rel.props.key : '';
  const record = {
    extension_type: 'property-extension',
    relationship: {
      type: rel.type,
      from: rel.from,
      to: rel.to,
      key,
      props,
      dates,
      citations: citations(rel.props.citeSources, rel.props.citeQuotes),
    },
  };
  const identity = relationshipIdentity({ ...rel, key });
  const stance = rel.type === 'REFERS_TO';
  const type = stance ? STANCE_TYPE : 'relationship';
  const ownId = typeof props.stixId === 'string' && props.stixId.startsWith('relationship--') && !stance ? props.stixId : null;
  const extra = parseJson(props.stixExtra);
  const object: StixObject = extra !== null && typeof extra === 'object' ? { ...(extra as StixObject) } : {};
  Object.assign(object, {
    type,
    spec_version: '2.1',
    id: ownId ?? `${type}--${uuidv5(identity)}`,
    created: timestamp(props.created) ?? timestamp(rel.props.createdAt) ?? EXTENSION_CREATOR.created,
    modified: timestamp(props.modified) ?? timestamp(rel.props.updatedAt) ?? EXTENSION_CREATOR.created,
    source_ref: stixIds.get(rel.from),
    target_ref: stixIds.get(rel.to),
  });
  if (stance) {
    object.stance = props.stance;
    // Whose words: the party's own, or a source's account of them (reported_by_ref: that source).
    if (typeof props.basis === 'string') object.basis = props.basis;
    const reporter = typeof props.reportedBy === 'string' ? stixIds.get(props.reportedBy) : undefined;
    if (reporter !== undefined) object.reported_by_ref = reporter;
  } else {
    const relationshipType =
      typeof props.relationshipType === 'string'
        ? props.relationshipType
        : (STIX_RELATIONSHIP_BY_TYPE[rel.type] ?? rel.type.toLowerCase().replace(/_/g, '-'));
    object.relationship_type = relationshipType;
  }
  if (typeof props.description === 'string') object.description = props.description;
  for (const [property, field] of [
    ['revoked', 'revoked'],
    ['confidence', 'confidence'],
    ['createdByRef', 'created_by_ref'],
    ['objectMarkingRefs', 'object_marking_refs'],
    ['deprecated', 'x_mitre_deprecated'],
    ['startTime', 'start_time'],
    ['stopTime', 'stop_time'],
  ] as const) {
    if (props[property] !== undefined && props[property] !== null) object[field] = props[property];
  }
  const references = parseJson(props.externalReferences);
  if (Array.isArray(references)) object.external_references = references;
  const extensions: Record<string, unknown> = {};
  if (stance) extensions[newObjectExtensionId(STANCE_TYPE)] = { extension_type: 'new-sro' };
  extensions[PROPERTY_EXTENSION_ID] = record;
  object.extensions = extensions;
  return object;
}

/** Code-unit order, the order Cypher sorts strings in: the order pages follow. */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The selected entity ids, sorted and without repeats; undefined for "everything" (paged in Cypher). */
async function selectIds(tx: Transaction, selection: ExportSelection): Promise<string[] | undefined> {
  if (selection.neighborhoodOf !== undefined) {
    const depth = selection.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH)
      throw new ExportError(`depth must be a whole number from 0 to ${MAX_DEPTH}, got ${depth}`);
    const [start] = await tx.run<{ id: string }>('import/entities-by-id', { ids: [selection.neighborhoodOf] });
    if (start === undefined) throw new ExportError(`neighborhoodOf: no entity has the id ${selection.neighborhoodOf}`);
    const seen = new Set([start.id]);
    let frontier = [start.id];
    for (let hop = 0; hop < depth && frontier.length > 0; hop += 1) {
      const next = (await batched<{ id: string }>(tx, 'export/neighbors', frontier))
        .map((row) => row.id)
        .filter((id) => !seen.has(id));
      for (const id of next) seen.add(id);
      frontier = next;
    }
    for (const id of selection.ids ?? []) seen.add(id);
    return [...seen].sort(byId);
  }
  if (selection.ids !== undefined) return [...new Set(selection.ids)].sort(byId);
  return undefined;
}

/** Where a page starts and how long it is: entities whose id sorts after `after`, at most `first`. */
export interface ExportPaging {
  first: number;
  after?: string | null;
}

export interface ExportPage {
  bundle: StixBundle;
  /** Entities of the selection on this page (cited Sources from outside it not counted). */
  entityCount: number;
  /** The id of the page's last entity: the `after` of the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

interface PageObjects {
  objects: StixObject[];
  entityCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * One page of the selection: its entities, the Sources they cite that earlier pages did not carry,
 * and the relationships between its entities and those of this and earlier pages (so that importing
 * the pages in order finds every endpoint already there). The whole selection in one page is the
 * whole selection's bundle.
 */
async function pageObjects(
  tx: Transaction,
  selected: string[] | undefined,
  paging: ExportPaging,
  carried: Set<string>,
): Promise<PageObjects> {
  let pageIds: string[];
  let hasNextPage: boolean;
  let earlier: (id: string) => boolean;
  let inSelection: (id: string) => boolean;
  const after = paging.after ?? null;
  if (selected === undefined) {
    const limit = Number.isFinite(paging.first) ? paging.first + 1 : null;
    const rows = await tx.run<{ id: string }>('export/entity-ids-page', { after, limit });
    hasNextPage = limit !== null && rows.length > paging.first;
    pageIds = rows.slice(0, paging.first).map((row) => row.id);
    earlier = (id) => after !== null && id <= after;
    inSelection = () => true;
  } else {
    const start = after === null ? 0 : selected.findIndex((id) => id > after);
    const from = start === -1 ? selected.length : start;
    pageIds = selected.slice(from, from + paging.first);
    hasNextPage = from + pageIds.length < selected.length;
    const before = new Set(selected.slice(0, from));
    earlier = (id) => before.has(id);
    const all = new Set(selected);
    inSelection = (id) => all.has(id);
  }
  const entities = await batched<EntityRow>(tx, 'export/entities-by-id', pageIds);
  const found = new Set(entities.map((entity) => entity.id));
  const missing = pageIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ExportError(`ids: no entity has the id ${missing.slice(0, 10).join(', ')}`);
  const last = pageIds.at(-1);
  const upTo = (id: string): boolean => found.has(id) || earlier(id);
  const relationships = [
    ...(await batched<RelationshipRow>(tx, 'export/relationships-from', pageIds)).filter(
      (rel) => upTo(rel.to) && inSelection(rel.to),
    ),
    // Relationships from earlier pages exist only past the first page.
    ...(after === null
      ? []
      : (await batched<RelationshipRow>(tx, 'export/relationships-to', pageIds)).filter(
          (rel) => !found.has(rel.from) && earlier(rel.from) && inSelection(rel.from),
        )),
  ];
  const aliases = await batched<AliasRow>(tx, 'export/aliases-by-id', pageIds);
  // The Sources that exported claims cite travel with them, so that every citation resolves.
  const cited = new Set<string>();
  const cite = (sources: unknown): void => {
    if (!Array.isArray(sources)) return;
    for (const id of sources as string[]) if (!found.has(id) && !carried.has(id) && !earlier(id)) cited.add(id);
  };
  for (const entity of entities) cite(entity.props.citeSources);
  for (const rel of relationships) cite(rel.props.citeSources);
  for (const alias of aliases) cite(alias.citeSources);
  const page = entities.filter((entity) => !carried.has(entity.id));
  if (cited.size > 0) page.push(...(await batched<EntityRow>(tx, 'export/entities-by-id', [...cited])));
  for (const entity of page) carried.add(entity.id);

  const aliasesOf = new Map<string, AliasRow[]>();
  for (const alias of aliases) aliasesOf.set(alias.id, [...(aliasesOf.get(alias.id) ?? []), alias]);
  page.sort((a, b) => a.id.localeCompare(b.id));
  const objects = page.map((entity) => entityObject(entity, aliasesOf.get(entity.id) ?? []));
  const stixIds = new Map(page.map((entity, index) => [entity.id, objects[index]!.id as string]));
  for (const entity of entities) if (!stixIds.has(entity.id)) stixIds.set(entity.id, stixIdentity(entity).id);
  const farEnds = [...new Set(relationships.flatMap((rel) => [rel.from, rel.to]))].filter((id) => !stixIds.has(id));
  for (const entity of await batched<EntityRow>(tx, 'export/entities-by-id', farEnds)) {
    stixIds.set(entity.id, stixIdentity(entity).id);
  }
  const sortKey = (rel: RelationshipRow): string => relationshipIdentity({ ...rel, key: rel.props.key });
  relationships.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  objects.push(...relationships.map((rel) => relationshipObject(rel, stixIds)));
  return { objects, entityCount: pageIds.length, endCursor: last ?? null, hasNextPage };
}

function bundleOf(objects: StixObject[]): StixBundle {
  const all: StixObject[] = [{ ...EXTENSION_CREATOR }, ...extensionDefinitions(), ...objects];
  const digest = createHash('sha256')
    .update(all.map((object) => String(object.id)).join('\n'))
    .digest('hex');
  return { type: 'bundle', id: `bundle--${uuidv5(digest)}`, objects: all };
}

/** One page of the selection, read in one read transaction; what the API serves. */
export async function exportStixPage(db: Database, selection: ExportSelection, paging: ExportPaging): Promise<ExportPage> {
  return db.readTransaction('export stix', async (tx) => {
    const page = await pageObjects(tx, await selectIds(tx, selection), paging, new Set());
    return {
      bundle: bundleOf(page.objects),
      entityCount: page.entityCount,
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    };
  });
}

/** The whole selection as one bundle in memory; for tests and small selections (the CLI streams). */
export async function exportStix(db: Database, selection: ExportSelection = {}): Promise<StixBundle> {
  return db.readTransaction('export stix', async (tx) => {
    const page = await pageObjects(tx, await selectIds(tx, selection), { first: Number.POSITIVE_INFINITY }, new Set());
    return bundleOf(page.objects);
  });
}

/**
 * The selection as one bundle written object by object to `out`, page by page in one read
 * transaction (a consistent snapshot), so that memory holds one page, not the graph. The bundle id
 * is a digest of the object ids, so it comes last. Resolves to the number of objects written.
 */
export async function writeStix(
  db: Database,
  selection: ExportSelection,
  out: (text: string) => Promise<void>,
  options: { pageSize?: number; timeoutMs?: number } = {},
): Promise<number> {
  return db.readTransaction(
    'export stix',
    async (tx) => {
      const selected = await selectIds(tx, selection);
      const digest = createHash('sha256');
      let count = 0;
      const emit = async (object: StixObject): Promise<void> => {
        digest.update(`${count === 0 ? '' : '\n'}${String(object.id)}`);
        await out(`${count === 0 ? '' : ',\n'}    ${JSON.stringify(object)}`);
        count += 1;
      };
      await out('{\n  "type": "bundle",\n  "objects": [\n');
      for (const object of [{ ...EXTENSION_CREATOR }, ...extensionDefinitions()]) await emit(object);
      const carried = new Set<string>();
      let after: string | null = null;
      for (;;) {
        const page = await pageObjects(tx, selected, { first: options.pageSize ?? 1000, after }, carried);
        for (const object of page.objects) await emit(object);
        if (!page.hasNextPage || page.endCursor === null) break;
        after = page.endCursor;
      }
      await out(`\n  ],\n  "id": "bundle--${uuidv5(digest.digest('hex'))}"\n}\n`);
      return count;
    },
    options.timeoutMs,
  );
}

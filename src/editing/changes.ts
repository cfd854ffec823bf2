import { badUserInput } from '../errors.js';
import { decodeCitations, uniqueCitations, type Citation } from '../model/citations.js';
import { nameKey } from '../model/names.js';
import { withConfidenceScore } from '../model/confidence.js';
import type { PartialDate } from '../model/partialDate.js';
import { ID_PREFIX_BY_OWN_KIND, PARTY_KINDS, hasOwnType, type EntityKind, type RelationshipType } from '../model/vocabulary.js';
import type { EntityRow } from '../read/rows.js';
import type { AliasInput, EntityInput, PropertyValue, RelationshipInput } from '../write/changeset.js';
import {
  LIMITS,
  citations,
  confidence,
  entityId,
  isoCode,
  newId,
  partialDate,
  positive,
  text,
  url,
  type CitationArg,
} from './inputs.js';

/**
 * What each mutation writes, built from its checked input as changeset entries, together with every
 * id the input refers to and the argument that named it (so that an unknown id is refused in the
 * API's words, `input.to: there is no entity …`, before the changeset is applied).
 *
 * The argument types below are the GraphQL inputs' shapes (schema/mutations.graphql), written out
 * because this layer does not import the API's generated types.
 */

/** An id an input names: it must exist in the graph (as a Source, for citations; as one of `oneOf`, where given). */
export interface Reference {
  argument: string;
  id: string;
  kind?: 'Source';
  oneOf?: readonly EntityKind[];
}

export interface Edit {
  entities: EntityInput[];
  relationships: RelationshipInput[];
  references: Reference[];
}

export interface AliasArg {
  name: string;
  givenBy?: string | null;
  citations: readonly CitationArg[];
}

export interface KindFieldsArg {
  isoCode?: string | null;
  orgType?: string | null;
  size?: number | null;
  nationality?: string | null;
  started?: string | null;
  disclosed?: string | null;
}

export interface EntityArg extends KindFieldsArg {
  id?: string | null;
  name: string;
  description?: string | null;
  aliases?: readonly AliasArg[] | null;
  citations: readonly CitationArg[];
}

export interface EntityChangesArg extends KindFieldsArg {
  name?: string | null;
  description?: string | null;
  addAliases?: readonly AliasArg[] | null;
  addCitations?: readonly CitationArg[] | null;
}

export interface SourceArg {
  id?: string | null;
  title: string;
  titleIsDescriptive?: boolean | null;
  publisher?: string | null;
  url?: string | null;
  published?: string | null;
  sourceType?: string | null;
}

export interface ResponseArg {
  id?: string | null;
  types: readonly string[];
  name: string;
  description?: string | null;
  date: string;
  issuerId: string;
  onBehalfOfId?: string | null;
  concernsIds?: readonly string[] | null;
  acknowledgesIds?: readonly string[] | null;
  stances?: ReadonlyArray<{
    targetId: string;
    stance: string;
    citations: readonly CitationArg[];
    basis?: string | null;
    reportedById?: string | null;
  }> | null;
  confidence?: number | null;
  confidenceText?: string | null;
  basis?: string | null;
  citations: readonly CitationArg[];
}

export interface LinkArg {
  from: string;
  to: string;
  type: RelationshipType;
  confidence?: number | null;
  confidenceText?: string | null;
  claimedById?: string | null;
  asset?: string | null;
  title?: string | null;
  citations: readonly CitationArg[];
}

export function idPrefix(kind: string): string {
  return hasOwnType(kind) ? ID_PREFIX_BY_OWN_KIND[kind] : 'entity';
}

/** Checked citations, each of whose sources must be a Source in the graph. */
function citing(
  field: string,
  list: readonly CitationArg[] | null | undefined,
  required: boolean,
  refs: Reference[],
): Citation[] {
  const checked = citations(field, list, required);
  checked.forEach((citation, index) =>
    refs.push({ argument: `${field}[${index}].sourceId`, id: citation.sourceId, kind: 'Source' }),
  );
  return uniqueCitations(checked);
}

/**
 * Checked aliases, each name once per giver: names that differ only in case, spacing or accents
 * ("APT 31", "apt31") are one alias (the first spelling), citing what each of them cites.
 */
function aliases(field: string, list: readonly AliasArg[] | null | undefined, refs: Reference[]): AliasInput[] {
  const byKey = new Map<string, AliasInput>();
  (list ?? []).forEach((alias, index) => {
    const checked: AliasInput = {
      name: text(`${field}[${index}].name`, alias.name, LIMITS.name, true)!,
      givenBy: text(`${field}[${index}].givenBy`, alias.givenBy, LIMITS.short),
      citations: citing(`${field}[${index}].citations`, alias.citations, true, refs),
    };
    const key = JSON.stringify([nameKey(checked.name), checked.givenBy ?? '']);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, checked);
    else first.citations = uniqueCitations([...first.citations, ...checked.citations]);
  });
  return [...byKey.values()];
}

/** Only the fields given: an update keeps the others. */
function compact<T>(record: Record<string, T | null | undefined>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as Record<
    string,
    T
  >;
}

/** Kind-specific properties and dates, checked; only those given are returned. */
function kindFields(
  field: string,
  input: KindFieldsArg,
): { props: Record<string, PropertyValue>; dates: Record<string, PartialDate> } {
  return {
    props: compact<PropertyValue>({
      isoCode: isoCode(`${field}.isoCode`, input.isoCode),
      orgType: input.orgType,
      size: positive(`${field}.size`, input.size, 1_000_000),
      nationality: isoCode(`${field}.nationality`, input.nationality),
    }),
    dates: compact<PartialDate>({
      started: partialDate(`${field}.started`, input.started),
      disclosed: partialDate(`${field}.disclosed`, input.disclosed),
    }),
  };
}

/** createEntity: a threat actor, state, organisation, person, group or campaign. */
export function newEntity(kind: EntityKind, input: EntityArg): Edit {
  const references: Reference[] = [];
  const name = text('input.name', input.name, LIMITS.name, true)!;
  const { props, dates } = kindFields('input', input);
  const entity: EntityInput = {
    id: entityId('input.id', input.id) ?? newId(idPrefix(kind), name),
    kind,
    name,
    description: text('input.description', input.description, LIMITS.description),
    props,
    dates,
    aliases: aliases('input.aliases', input.aliases, references),
    citations: citing('input.citations', input.citations, true, references),
  };
  return { entities: [entity], relationships: [], references };
}

export function newSource(input: SourceArg): Edit {
  const title = text('input.title', input.title, LIMITS.name, true)!;
  const entity: EntityInput = {
    id: entityId('input.id', input.id) ?? newId(idPrefix('Source'), title),
    kind: 'Source',
    name: title,
    description: null,
    props: {
      titleIsDescriptive: input.titleIsDescriptive ?? false,
      publisher: text('input.publisher', input.publisher, LIMITS.short),
      url: url('input.url', input.url),
      sourceType: input.sourceType ?? 'OTHER',
    },
    dates: { published: partialDate('input.published', input.published) },
    aliases: [],
    citations: [],
  };
  return { entities: [entity], relationships: [], references: [] };
}

function relationship(
  type: RelationshipType,
  from: string,
  to: string,
  citations: Citation[],
  key = '',
  props: Record<string, PropertyValue> = {},
): RelationshipInput {
  return { type, from, to, key, props, dates: {}, citations };
}

/** Props given only when set: a missing confidence is scored from its words, if any. */
function confidenceProps(input: { confidence?: number | null; confidenceText?: string | null }): Record<string, PropertyValue> {
  return {
    ...(input.confidence !== undefined && input.confidence !== null
      ? { confidence: confidence('input.confidence', input.confidence) }
      : {}),
    ...(input.confidenceText ? { confidenceText: text('input.confidenceText', input.confidenceText, LIMITS.short) } : {}),
  };
}

/** recordResponse: the Response and its issuer, principal, campaigns, acknowledgements and stances. */
export function newResponse(input: ResponseArg): Edit {
  const references: Reference[] = [];
  const name = text('input.name', input.name, LIMITS.name, true)!;
  if (input.types.length === 0) throw badUserInput('input.types', 'must list at least one response type');
  const id = entityId('input.id', input.id) ?? newId(idPrefix('Response'), name);
  const entity: EntityInput = {
    id,
    kind: 'Response',
    name,
    description: text('input.description', input.description, LIMITS.description),
    props: withConfidenceScore({
      ...confidenceProps(input),
      ...(input.basis ? { basis: text('input.basis', input.basis, LIMITS.short) } : {}),
      types: [...input.types],
    }),
    dates: { occurred: partialDate('input.date', input.date, true) },
    aliases: [],
    citations: citing('input.citations', input.citations, true, references),
  };
  const cites = entity.citations;
  const relationships = [relationship('ISSUED_BY', id, input.issuerId, cites)];
  references.push({ argument: 'input.issuerId', id: input.issuerId });
  if (input.onBehalfOfId) {
    relationships.push(relationship('ON_BEHALF_OF', id, input.onBehalfOfId, cites));
    references.push({ argument: 'input.onBehalfOfId', id: input.onBehalfOfId });
  }
  (input.concernsIds ?? []).forEach((campaign, index) => {
    relationships.push(relationship('CONCERNS', id, campaign, cites));
    references.push({ argument: `input.concernsIds[${index}]`, id: campaign });
  });
  (input.acknowledgesIds ?? []).forEach((other, index) => {
    relationships.push(relationship('ACKNOWLEDGES', id, other, cites));
    references.push({ argument: `input.acknowledgesIds[${index}]`, id: other });
  });
  (input.stances ?? []).forEach((stance, index) => {
    const at = `input.stances[${index}]`;
    const stanceCites = citing(`${at}.citations`, stance.citations, true, references);
    const reportedBy = stance.reportedById ?? null;
    if (reportedBy !== null && stance.basis !== 'REPORTED')
      throw badUserInput(`${at}.reportedById`, 'is only for basis REPORTED');
    if (stance.basis === 'REPORTED' && reportedBy === null)
      throw badUserInput(`${at}.reportedById`, 'names the reporting source of a REPORTED stance');
    if (reportedBy !== null && !stanceCites.some((citation) => citation.sourceId === reportedBy)) {
      throw badUserInput(`${at}.reportedById`, 'must be one of the sources the stance cites');
    }
    // One relationship per stance, and a reported one apart from the party's own (as the document reader keys them).
    const key = reportedBy === null ? stance.stance : `${stance.stance}@${reportedBy}`;
    const props = {
      stance: stance.stance,
      ...(stance.basis ? { basis: stance.basis } : {}),
      ...(reportedBy ? { reportedBy } : {}),
    };
    relationships.push(relationship('REFERS_TO', id, stance.targetId, stanceCites, key, props));
    references.push({ argument: `${at}.targetId`, id: stance.targetId });
  });
  return { entities: [entity], relationships, references };
}

/** link: one typed relationship; claims by different parties are different relationships (by key). */
export function newLink(input: LinkArg): Edit {
  const references: Reference[] = [
    { argument: 'input.from', id: input.from },
    { argument: 'input.to', id: input.to },
  ];
  // The claimant is a party that makes claims: it must exist, or the claim is attributed to no one.
  if (input.claimedById) references.push({ argument: 'input.claimedById', id: input.claimedById, oneOf: PARTY_KINDS });
  const props = withConfidenceScore({
    ...confidenceProps(input),
    ...(input.claimedById ? { claimedBy: input.claimedById } : {}),
    ...(input.asset ? { asset: text('input.asset', input.asset, LIMITS.short) } : {}),
    ...(input.title ? { title: text('input.title', input.title, LIMITS.short) } : {}),
  });
  const citations = citing('input.citations', input.citations, true, references);
  const rel = relationship(input.type, input.from, input.to, citations, input.claimedById ?? '', props);
  return { entities: [], relationships: [rel], references };
}

/** The changes updateEntity makes, checked; fields left out keep their values. */
export interface EntityChanges {
  name?: string;
  description?: string | null;
  props: Record<string, PropertyValue>;
  dates: Record<string, PartialDate>;
  addAliases: AliasInput[];
  addCitations: Citation[];
  references: Reference[];
}

export function entityChanges(input: EntityChangesArg): EntityChanges {
  const references: Reference[] = [];
  return {
    ...(input.name !== undefined && input.name !== null ? { name: text('input.name', input.name, LIMITS.name, true)! } : {}),
    ...(input.description !== undefined ? { description: text('input.description', input.description, LIMITS.description) } : {}),
    ...kindFields('input', input),
    addAliases: aliases('input.addAliases', input.addAliases, references),
    addCitations: citing('input.addCitations', input.addCitations, false, references),
    references,
  };
}

/** The kind-specific stored fields an update keeps unless it changes them. */
function storedKindFields(row: EntityRow): { props: Record<string, PropertyValue>; dates: Record<string, PartialDate> } {
  const props: Record<string, PropertyValue> = {};
  for (const key of ['isoCode', 'orgType', 'size', 'nationality']) {
    const value = row[key];
    if (value !== undefined && value !== null) props[key] = value as PropertyValue;
  }
  const dates: Record<string, PartialDate> = {};
  for (const name of ['started', 'disclosed']) {
    const start = row[`${name}On`];
    const precision = row[`${name}Precision`];
    if (typeof start === 'string' && (precision === 'YEAR' || precision === 'MONTH' || precision === 'DAY')) {
      dates[name] = { start, precision };
    }
  }
  return { props, dates };
}

/**
 * The entity as an update rewrites it: its current state with the changes applied. Aliases and
 * citations are only added to: the changeset's aliases are the new ones (existing aliases stay in
 * the graph), its citations the current ones plus the new.
 */
export function updatedEntity(current: EntityRow & { kind: EntityKind }, changes: EntityChanges): EntityInput {
  const stored = storedKindFields(current);
  return {
    id: current.id,
    kind: current.kind,
    name: changes.name ?? current.name,
    description: changes.description !== undefined ? changes.description : (current.description ?? null),
    props: { ...stored.props, ...changes.props },
    dates: { ...stored.dates, ...changes.dates },
    aliases: changes.addAliases,
    citations: uniqueCitations([...decodeCitations(current.citeSources, current.citeQuotes), ...changes.addCitations]),
  };
}

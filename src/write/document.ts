import type { Raw } from '../model/records.js';
import { withConfidenceScore } from '../model/confidence.js';
import { parsePartialDate, type PartialDate } from '../model/partialDate.js';
import {
  DATE_BASES,
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  RESPONSE_TYPES,
  STANCES,
  STANCE_BASES,
  isOneOf,
  type EntityKind,
  type RelationshipType,
} from '../model/vocabulary.js';
import {
  ChangesetError,
  type AliasInput,
  type Changeset,
  type Citation,
  type EntityInput,
  type Problem,
  type PropertyValue,
  type RelationshipInput,
} from './changeset.js';

/**
 * Reads a document of sources, entities, relationships and responses, given as untyped data (the
 * curated seed files are YAML of this shape), into a changeset. Responses are written as Response
 * entities plus their ISSUED_BY, ON_BEHALF_OF, CONCERNS, ACKNOWLEDGES and REFERS_TO (one per
 * stance) relationships. Every problem of the document is named, not only the first.
 */

/** Fields with a meaning of their own; every other field of an entry is stored as a property. */
const DATE_FIELDS = new Set(['started', 'disclosed', 'ended', 'published', 'date']);
/** A date given as a map says how it is known (docs/model.md, "Partial dates"). */
const DATE_DETAIL_FIELDS = new Set(['on', 'basis', 'source', 'quote', 'inferredFrom']);
const ENTITY_FIELDS = new Set(['id', 'kind', 'name', 'title', 'description', 'aliases', 'cite', ...DATE_FIELDS]);
const RELATIONSHIP_FIELDS = new Set(['type', 'from', 'to', 'key', 'cite', ...DATE_FIELDS]);
const RESPONSE_FIELDS = new Set([
  'id',
  'types',
  'name',
  'description',
  'date',
  'issuedBy',
  'onBehalfOf',
  'concerns',
  'acknowledges',
  'refersTo',
  'cite',
]);

class Reader {
  readonly problems: Problem[] = [];
  /** The document's own sources by id, for checking that a date from another source is cited in full. */
  readonly sources = new Map<string, Raw>();

  problem(at: string, message: string): void {
    this.problems.push({ at, message });
  }

  string(entry: Raw, field: string, at: string, required = true): string | null {
    const value = entry[field];
    if (value === undefined || value === null) {
      if (required) this.problem(at, `${field} is missing`);
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.problem(at, `${field} must be text`);
      return null;
    }
    return String(value);
  }

  list(entry: Raw, field: string, at: string): unknown[] {
    const value = entry[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(at, `${field} must be a list`);
      return [];
    }
    return value;
  }

  date(value: unknown, at: string, field: string): PartialDate | null {
    if (value === undefined || value === null) return null;
    const parsed = parsePartialDate(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
    if (typeof parsed === 'string') {
      this.problem(at, `${field}: ${parsed}`);
      return null;
    }
    return parsed;
  }

  citations(entry: Raw, at: string): Citation[] {
    return this.list(entry, 'cite', at).flatMap((item, index) => {
      if (item === null || typeof item !== 'object') {
        this.problem(at, `cite[${index}] must be a map with source and quote`);
        return [];
      }
      const sourceId = this.string(item as Raw, 'source', `${at} cite[${index}]`);
      const quote = this.string(item as Raw, 'quote', `${at} cite[${index}]`, false);
      return sourceId === null ? [] : [{ sourceId, quote }];
    });
  }

  props(entry: Raw, known: Set<string>, at: string): Record<string, PropertyValue> {
    const props: Record<string, PropertyValue> = {};
    for (const [field, value] of Object.entries(entry)) {
      if (known.has(field)) continue;
      if (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      ) {
        props[field] = value as PropertyValue;
      } else {
        this.problem(at, `${field} must be text, a number, true/false or a list of text`);
      }
    }
    return props;
  }

  dates(entry: Raw, at: string): Record<string, PartialDate | null> {
    const dates: Record<string, PartialDate | null> = {};
    for (const field of DATE_FIELDS) {
      if (entry[field] === undefined) continue;
      const value = isMap(entry[field]) ? (entry[field] as Raw).on : entry[field];
      // A response's date is when it happened; "date" alone would be ambiguous among the others.
      dates[field === 'date' ? 'occurred' : field] = this.date(value, at, field);
    }
    return dates;
  }

  /**
   * How each date of the entry is known, from a date given as a map {on, basis, source, quote,
   * inferredFrom}: stored as <name>Basis, <name>Source, <name>Quote and <name>InferredFrom. A date
   * from another source adds that source to the entry's citations, so that the claim cites it.
   */
  dateProvenance(entry: Raw, at: string, citations: Citation[]): Record<string, PropertyValue> {
    const props: Record<string, PropertyValue> = {};
    for (const field of DATE_FIELDS) {
      const value = entry[field];
      if (!isMap(value)) continue;
      const detail = value as Raw;
      const fieldAt = `${at} ${field}`;
      for (const key of Object.keys(detail)) {
        if (!DATE_DETAIL_FIELDS.has(key)) this.problem(fieldAt, `${key} is not one of ${[...DATE_DETAIL_FIELDS].join(', ')}`);
      }
      if (detail.on === undefined) this.problem(fieldAt, 'on is missing: the date itself');
      const basis = this.string(detail, 'basis', fieldAt);
      if (basis !== null && !isOneOf(DATE_BASES, basis)) {
        this.problem(fieldAt, `basis "${basis}" is not one of ${DATE_BASES.join(', ')}`);
        continue;
      }
      const source = this.string(detail, 'source', fieldAt, basis === 'OTHER_SOURCE');
      const quote = this.string(detail, 'quote', fieldAt, basis === 'OTHER_SOURCE');
      const inferredFrom = this.string(detail, 'inferredFrom', fieldAt, basis === 'INFERRED');
      if ((source === null) !== (quote === null))
        this.problem(fieldAt, 'source and quote go together: the words and where they are');
      if (basis === 'OTHER_SOURCE' && source !== null) {
        const cited = this.sources.get(source);
        if (cited === undefined || !cited.url || !cited.publisher) {
          this.problem(
            fieldAt,
            `source "${source}" must be a source of this file with its url and publisher: a date from another source is cited in full`,
          );
        }
        citations.push({ sourceId: source, quote });
      } else if (source !== null && !citations.some((citation) => citation.sourceId === source)) {
        this.problem(fieldAt, `source "${source}" is not among the sources the entry cites`);
      }
      const name = field === 'date' ? 'occurred' : field;
      if (basis !== null) props[`${name}Basis`] = basis;
      if (source !== null) props[`${name}Source`] = source;
      if (quote !== null) props[`${name}Quote`] = quote;
      if (inferredFrom !== null) props[`${name}InferredFrom`] = inferredFrom;
    }
    return props;
  }
}

function isMap(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

function readEntity(reader: Reader, raw: Raw, at: string, kindOverride?: EntityKind): EntityInput | null {
  const id = reader.string(raw, 'id', at);
  const kind = kindOverride ?? reader.string(raw, 'kind', at);
  if (kind !== null && !isOneOf(ENTITY_KINDS, kind))
    reader.problem(at, `kind "${kind}" is not one of ${ENTITY_KINDS.join(', ')}`);
  const name = reader.string(raw, kindOverride === 'Source' ? 'title' : 'name', at);
  const aliases: AliasInput[] = reader.list(raw, 'aliases', at).flatMap((item, index) => {
    const aliasAt = `${at} aliases[${index}]`;
    if (item === null || typeof item !== 'object') {
      reader.problem(aliasAt, 'must be a map with name, givenBy and cite');
      return [];
    }
    const aliasName = reader.string(item as Raw, 'name', aliasAt);
    if (aliasName === null) return [];
    return [
      {
        name: aliasName,
        givenBy: reader.string(item as Raw, 'givenBy', aliasAt, false),
        citations: reader.citations(item as Raw, aliasAt),
      },
    ];
  });
  // Read every field before giving up on the entry, so that one pass reports all its problems.
  const description = reader.string(raw, 'description', at, false);
  const citations = reader.citations(raw, at);
  const props = withConfidenceScore({ ...reader.props(raw, ENTITY_FIELDS, at), ...reader.dateProvenance(raw, at, citations) });
  const dates = reader.dates(raw, at);
  if (id === null || kind === null || name === null || !isOneOf(ENTITY_KINDS, kind)) return null;
  return { id, kind, name, description, props, dates, aliases, citations };
}

function readRelationship(reader: Reader, raw: Raw, at: string): RelationshipInput | null {
  const type = reader.string(raw, 'type', at);
  const from = reader.string(raw, 'from', at);
  const to = reader.string(raw, 'to', at);
  if (type !== null && !isOneOf(RELATIONSHIP_TYPES, type)) {
    reader.problem(at, `type "${type}" is not one of ${RELATIONSHIP_TYPES.join(', ')}`);
  }
  if (type === null || from === null || to === null || !isOneOf(RELATIONSHIP_TYPES, type)) return null;
  const citations = reader.citations(raw, at);
  return {
    type,
    from,
    to,
    key: reader.string(raw, 'key', at, false) ?? '',
    props: withConfidenceScore({ ...reader.props(raw, RELATIONSHIP_FIELDS, at), ...reader.dateProvenance(raw, at, citations) }),
    dates: reader.dates(raw, at),
    citations,
  };
}

function link(type: RelationshipType, from: string, to: string, citations: Citation[], key = '', props = {}): RelationshipInput {
  return { type, from, to, key, props, dates: {}, citations };
}

function readResponse(reader: Reader, raw: Raw, at: string): { entity: EntityInput; relationships: RelationshipInput[] } | null {
  const types = reader.list(raw, 'types', at).map(String);
  if (types.length === 0) reader.problem(at, 'types must list at least one response type');
  for (const type of types) {
    if (!isOneOf(RESPONSE_TYPES, type)) reader.problem(at, `response type "${type}" is not one of ${RESPONSE_TYPES.join(', ')}`);
  }
  if (raw.date === undefined) reader.problem(at, 'date is missing: every response is dated');
  const issuedBy = reader.string(raw, 'issuedBy', at);
  const base: Raw = { ...raw };
  for (const field of ['issuedBy', 'onBehalfOf', 'concerns', 'acknowledges', 'refersTo', 'types']) delete base[field];
  const entity = readEntity(reader, base, at, 'Response');
  if (entity === null || issuedBy === null) return null;
  entity.props = withConfidenceScore({ ...entity.props, types });
  for (const field of Object.keys(raw)) {
    if (!RESPONSE_FIELDS.has(field) && !['confidence', 'confidenceText', 'basis'].includes(field)) {
      reader.problem(at, `${field} is not a field of a response`);
    }
  }
  const cites = entity.citations;
  const relationships: RelationshipInput[] = [link('ISSUED_BY', entity.id, issuedBy, cites)];
  const onBehalfOf = reader.string(raw, 'onBehalfOf', at, false);
  if (onBehalfOf !== null) relationships.push(link('ON_BEHALF_OF', entity.id, onBehalfOf, cites));
  for (const campaign of reader.list(raw, 'concerns', at))
    relationships.push(link('CONCERNS', entity.id, String(campaign), cites));
  for (const other of reader.list(raw, 'acknowledges', at))
    relationships.push(link('ACKNOWLEDGES', entity.id, String(other), cites));
  reader.list(raw, 'refersTo', at).forEach((item, index) => {
    const refAt = `${at} refersTo[${index}]`;
    if (item === null || typeof item !== 'object') {
      reader.problem(refAt, 'must be a map with target, stance and cite');
      return;
    }
    const target = reader.string(item as Raw, 'target', refAt);
    const stance = reader.string(item as Raw, 'stance', refAt);
    if (stance !== null && !isOneOf(STANCES, stance))
      reader.problem(refAt, `stance "${stance}" is not one of ${STANCES.join(', ')}`);
    const basis = reader.string(item as Raw, 'basis', refAt, false);
    if (basis !== null && !isOneOf(STANCE_BASES, basis))
      reader.problem(refAt, `basis "${basis}" is not one of ${STANCE_BASES.join(', ')}`);
    const reportedBy = reader.string(item as Raw, 'reportedBy', refAt, basis === 'REPORTED');
    if (reportedBy !== null && basis !== 'REPORTED') reader.problem(refAt, 'reportedBy is only for basis REPORTED');
    const citations = reader.citations(item as Raw, refAt);
    if (reportedBy !== null && !citations.some((citation) => citation.sourceId === reportedBy)) {
      reader.problem(refAt, `reportedBy "${reportedBy}" must be one of the sources the stance cites`);
    }
    if (target === null || stance === null) return;
    // One relationship per stance, and a reported one apart from the party's own: both can hold at once.
    const key = reportedBy === null ? stance : `${stance}@${reportedBy}`;
    const props = { stance, ...(basis === null ? {} : { basis }), ...(reportedBy === null ? {} : { reportedBy }) };
    relationships.push(link('REFERS_TO', entity.id, target, citations, key, props));
  });
  return { entity, relationships };
}

/**
 * Reads a document into a changeset; refuses it with every problem named (ChangesetError).
 */
export function readDocument(document: Raw, origin: string): Changeset {
  const reader = new Reader();
  const entities: EntityInput[] = [];
  const relationships: RelationshipInput[] = [];
  reader.list(document, 'sources', 'sources').forEach((raw, index) => {
    if (isMap(raw) && typeof (raw as Raw).id === 'string') reader.sources.set((raw as Raw).id as string, raw as Raw);
    const entity = readEntity(reader, raw as Raw, `sources[${index}]`, 'Source');
    if (entity) entities.push(entity);
  });
  reader.list(document, 'entities', 'entities').forEach((raw, index) => {
    const entity = readEntity(reader, raw as Raw, `entities[${index}]`);
    if (entity) entities.push(entity);
  });
  reader.list(document, 'relationships', 'relationships').forEach((raw, index) => {
    const rel = readRelationship(reader, raw as Raw, `relationships[${index}]`);
    if (rel) relationships.push(rel);
  });
  reader.list(document, 'responses', 'responses').forEach((raw, index) => {
    const response = readResponse(reader, raw as Raw, `responses[${index}]`);
    if (response) {
      entities.push(response.entity);
      relationships.push(...response.relationships);
    }
  });
  if (reader.problems.length > 0) throw new ChangesetError(origin, reader.problems);
  return { origin, entities, relationships };
}

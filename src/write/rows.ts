import { encodeCitations } from '../model/citations.js';
import { nameKey } from '../model/names.js';
import { partialDateEnd, type PartialDate } from '../model/partialDate.js';
import { toNeo4jDate } from '../db/values.js';
import type { Citation, EntityInput, PropertyValue, RelationshipInput } from './changeset.js';
import { canonical, contentHash } from './contentHash.js';

/**
 * The rows a changeset's entities and relationships become in the write statements (cypher/write/,
 * cypher/staging/): one place, so that an entity staged in batches is written exactly as the one
 * transaction would have written it.
 */

/**
 * started → startedOn (first day), startedEnd (last day of the period) and startedPrecision, so
 * that range filters can test overlap ("2022" overlaps March 2022) without inventing a day.
 */
export function dateProps(dates: Record<string, PartialDate | null>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, date] of Object.entries(dates)) {
    props[`${name}On`] = date === null ? null : toNeo4jDate(date.start);
    props[`${name}End`] = date === null ? null : toNeo4jDate(partialDateEnd(date));
    props[`${name}Precision`] = date === null ? null : date.precision;
  }
  return props;
}

/** When the graph first knew a claim: the earliest publication among its sources. */
export function knownSince(citations: Citation[], published: ReadonlyMap<string, string>): unknown {
  const dates = citations.map((c) => published.get(c.sourceId)).filter((d): d is string => d !== undefined);
  if (dates.length === 0) return null;
  return toNeo4jDate(dates.sort()[0]!);
}

/** The properties an entity is written with. */
function entityProps(entity: EntityInput, published: ReadonlyMap<string, string>): Record<string, unknown> {
  const isSource = entity.kind === 'Source';
  const ownPublished = entity.dates.published?.start;
  const props: Record<string, unknown> = {
    ...entity.props,
    ...dateProps(entity.dates),
    name: entity.name,
    nameKey: nameKey(entity.name),
    description: entity.description,
    aliasText: entity.aliases.map((alias) => alias.name).join(' | ') || null,
    ...encodeCitations(entity.citations),
    knownSince: isSource ? (ownPublished ? toNeo4jDate(ownPublished) : null) : knownSince(entity.citations, published),
  };
  return props;
}

/** What the graph keeps to recognise an entity the changeset owns as unchanged. */
export function entityHash(entity: EntityInput): string {
  return contentHash(entity);
}

export function entityRow(entity: EntityInput, published: ReadonlyMap<string, string>): Record<string, unknown> {
  return { id: entity.id, kind: entity.kind, contentHash: entityHash(entity), props: entityProps(entity, published) };
}

/**
 * An imported statement's hash is its content alone: not who states it (the same claim from two
 * files hashes alike) and not its ends (a relationship moved by a merge of its end is the same claim).
 */
export function relationshipHash(rel: RelationshipInput): string {
  return rel.statement ? contentHash({ type: rel.type, props: rel.props, dates: rel.dates }) : contentHash(rel);
}

/** `hash`: the relationship's hash when the caller has computed it already (relationshipHash). */
export function relationshipRow(
  rel: RelationshipInput,
  published: ReadonlyMap<string, string>,
  hash: string = relationshipHash(rel),
): Record<string, unknown> {
  const props: Record<string, unknown> = {
    ...rel.props,
    ...dateProps(rel.dates),
    ...encodeCitations(rel.citations),
    knownSince: knownSince(rel.citations, published),
  };
  return {
    from: rel.from,
    to: rel.to,
    type: rel.type,
    key: rel.key,
    contentHash: hash,
    props,
    modified: rel.statement?.modified ?? null,
  };
}

/** Identifier lists that only ever grow: an id a source once gave an entity keeps finding it. */
function identifierList(props: Record<string, PropertyValue>, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.map(String) : [];
}

/** What a statement says, without who says it: the same content from two sources hashes alike. */
export function statementHash(entity: EntityInput): string {
  return contentHash({
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    props: entity.props,
    dates: entity.dates,
    aliases: entity.aliases.map((alias) => ({
      name: alias.name,
      givenBy: alias.givenBy,
      quotes: alias.citations.map((c) => c.quote),
    })),
  });
}

/** Fields every source's record of an object keeps, whichever statement the entity shows. */
const RECORD_FIELDS = ['modified', 'revoked', 'deprecated', 'stixType', 'specVersion'];

/**
 * A statement adds the source's citations and identifiers and keeps the source's record: for the
 * entity's own object its name, description, version and revoked/deprecated flags; for an object
 * merged into an entity of another id, and for every actor, everything it said (an actor's names and
 * identifiers too), and why it was merged.
 */
export function statementRow(entity: EntityInput, published: ReadonlyMap<string, string>): Record<string, unknown> {
  const statement = entity.statement!;
  const whole = !statement.own || statement.resolution !== undefined;
  const kept = whole
    ? entity.props
    : Object.fromEntries(RECORD_FIELDS.filter((field) => entity.props[field] !== undefined).map((f) => [f, entity.props[f]]));
  const record = {
    name: entity.name,
    description: entity.description,
    props: kept,
    why: statement.why,
    ...(statement.resolution === undefined ? {} : { ...statement.resolution, dates: entity.dates }),
  };
  // Citations and identifier lists are unioned with other statements', never overwritten.
  const shown = entityProps(entity, published);
  for (const unioned of ['citeSources', 'citeQuotes', 'stixIds', 'attackIds', 'mispUuids']) delete shown[unioned];
  return {
    id: entity.id,
    kind: entity.kind,
    key: statement.key,
    hash: statementHash(entity),
    record: canonical(record),
    own: statement.own,
    modified: statement.modified,
    props: shown,
    ...encodeCitations(entity.citations),
    stixIds: identifierList(entity.props, 'stixIds'),
    attackIds: identifierList(entity.props, 'attackIds'),
    mispUuids: identifierList(entity.props, 'mispUuids'),
    // The id the source gives an object merged into another entity finds that entity again.
    externalIds: statement.own ? [] : [statement.key.slice(statement.key.indexOf('|') + 1)],
  };
}

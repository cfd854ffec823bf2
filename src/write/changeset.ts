import { ENTITY_KINDS, RELATIONSHIP_TYPES, isOneOf, type EntityKind, type RelationshipType } from '../model/vocabulary.js';
import type { PartialDate } from '../model/partialDate.js';

/**
 * A changeset is what every writer hands to the graph: the seed, the STIX and MISP importers and
 * the editing mutations. It is validated as a whole and applied in one transaction (src/write/apply.ts),
 * so a rejected changeset writes nothing.
 */

export type Scalar = string | number | boolean | null;
export type PropertyValue = Scalar | string[] | number[];

/** One source's support for a claim: the source's id and, where it quotes, the verbatim quote. */
export interface Citation {
  sourceId: string;
  quote: string | null;
}

export interface AliasInput {
  name: string;
  /** Who uses this name (a vendor, a government, the source itself). */
  givenBy: string | null;
  citations: Citation[];
}

export interface EntityInput {
  id: string;
  kind: EntityKind;
  name: string;
  description: string | null;
  /** Kind-specific properties (isoCode, orgType, types, confidence, …). */
  props: Record<string, PropertyValue>;
  /** Partial dates by name: started, disclosed, occurred, published. */
  dates: Record<string, PartialDate | null>;
  aliases: AliasInput[];
  citations: Citation[];
  /**
   * Set by importers: this is what one source states about the entity, added to what other sources
   * said rather than replacing it (cypher/write/state-entities.cypher). `key` names the statement
   * (<source id>|<the id the source gives the object>); `own` says the object is the entity itself
   * (its id is the object's), not another source's object merged into it; `modified` is the
   * object's version; `why` says why an object was merged into an entity of another id.
   */
  statement?: EntityStatement;
}

export interface EntityStatement {
  key: string;
  own: boolean;
  modified: string | null;
  why: string | null;
}

export interface RelationshipInput {
  type: RelationshipType;
  from: string;
  to: string;
  /** Tells apart several relationships of one type between the same two entities (a stance, a STIX id). */
  key: string;
  props: Record<string, PropertyValue>;
  dates: Record<string, PartialDate | null>;
  citations: Citation[];
  /** Set by importers: the source's citation is added to the others', and its version is `modified`. */
  statement?: { modified: string | null };
}

export interface Changeset {
  /** What the changeset came from, for messages: a file name, "mutation createCampaign". */
  origin: string;
  entities: EntityInput[];
  relationships: RelationshipInput[];
}

export interface Problem {
  /** Where: "entities[3] actor:apt31", "relationships[7] TARGETS campaign:x -> org:y". */
  at: string;
  message: string;
}

export class ChangesetError extends Error {
  override name = 'ChangesetError';
  constructor(
    readonly origin: string,
    readonly problems: Problem[],
  ) {
    const shown = problems.slice(0, 20).map((problem) => `  ${problem.at}: ${problem.message}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(
      `${origin} was refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`,
    );
  }
}

/** The longest text property the graph stores (readers skip an object with a longer one). */
export const MAX_TEXT = 100_000;

function describeRelationship(index: number, rel: RelationshipInput): string {
  return `relationships[${index}] ${String(rel.type)} ${rel.from} -> ${rel.to}`;
}

function checkValue(at: string, name: string, value: unknown, problems: Problem[]): void {
  const scalar = (v: unknown): boolean =>
    v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  const ok = scalar(value) || (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
  if (!ok) problems.push({ at, message: `property ${name} must be a string, number, boolean or a list of them` });
  if (typeof value === 'string' && value.length > MAX_TEXT) {
    problems.push({ at, message: `property ${name} is longer than ${MAX_TEXT} characters` });
  }
}

function checkCitations(at: string, citations: Citation[], sourceIds: ReadonlySet<string>, problems: Problem[]): void {
  if (citations.length === 0) problems.push({ at, message: 'cites no source: every claim needs at least one' });
  for (const citation of citations) {
    if (!sourceIds.has(citation.sourceId)) {
      problems.push({ at, message: `cites ${citation.sourceId}, which is not a Source in this changeset or the graph` });
    }
  }
}

/**
 * Checks a changeset on its own and against what the graph already holds (existing ids with their
 * kinds). Returns every problem found, not just the first.
 */
export function validateChangeset(changeset: Changeset, existing: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, EntityKind>();
  changeset.entities.forEach((entity, index) => {
    const at = `entities[${index}] ${entity.id}`;
    if (typeof entity.id !== 'string' || entity.id.trim() === '' || entity.id.length > 300) {
      problems.push({ at, message: 'id must be a non-empty string of at most 300 characters' });
    }
    if (!isOneOf(ENTITY_KINDS, entity.kind)) {
      problems.push({ at, message: `kind "${String(entity.kind)}" is not one of ${ENTITY_KINDS.join(', ')}` });
    }
    if (typeof entity.name !== 'string' || entity.name.trim() === '') {
      problems.push({ at, message: 'name must be a non-empty string' });
    }
    if (ids.has(entity.id)) problems.push({ at, message: 'id appears twice in the changeset' });
    ids.set(entity.id, entity.kind);
    const previousKind = existing.get(entity.id);
    if (previousKind !== undefined && previousKind !== entity.kind) {
      problems.push({ at, message: `the graph already holds ${entity.id} as a ${previousKind}, not a ${entity.kind}` });
    }
    if (entity.statement !== undefined && !entity.statement.own && previousKind === undefined) {
      problems.push({ at, message: 'is to be merged into an existing entity, but the graph does not hold it' });
    }
    for (const [name, value] of Object.entries(entity.props)) checkValue(at, name, value, problems);
    for (const alias of entity.aliases) {
      if (typeof alias.name !== 'string' || alias.name.trim() === '') {
        problems.push({ at, message: 'an alias has an empty name' });
      }
    }
  });

  const sourceIds = new Set<string>();
  for (const [id, kind] of existing) if (kind === 'Source') sourceIds.add(id);
  for (const [id, kind] of ids) if (kind === 'Source') sourceIds.add(id);
  const known = (id: string): boolean => ids.has(id) || existing.has(id);

  changeset.entities.forEach((entity, index) => {
    if (entity.kind === 'Source') return;
    const at = `entities[${index}] ${entity.id}`;
    checkCitations(at, entity.citations, sourceIds, problems);
    entity.aliases.forEach((alias) => checkCitations(`${at} alias "${alias.name}"`, alias.citations, sourceIds, problems));
  });

  const relationshipKeys = new Set<string>();
  changeset.relationships.forEach((rel, index) => {
    const at = describeRelationship(index, rel);
    if (!isOneOf(RELATIONSHIP_TYPES, rel.type)) {
      problems.push({ at, message: `type "${String(rel.type)}" is not one of ${RELATIONSHIP_TYPES.join(', ')}` });
    }
    if (!known(rel.from)) problems.push({ at, message: `its start ${rel.from} is neither in the changeset nor in the graph` });
    if (!known(rel.to)) problems.push({ at, message: `its end ${rel.to} is neither in the changeset nor in the graph` });
    const identity = `${rel.type}|${rel.from}|${rel.to}|${rel.key}`;
    if (relationshipKeys.has(identity)) problems.push({ at, message: `appears twice (key "${rel.key}")` });
    relationshipKeys.add(identity);
    for (const [name, value] of Object.entries(rel.props)) checkValue(at, name, value, problems);
    const confidence = rel.props.confidence;
    if (
      confidence !== undefined &&
      confidence !== null &&
      (typeof confidence !== 'number' || confidence < 0 || confidence > 100)
    ) {
      problems.push({ at, message: 'confidence must be a number from 0 to 100' });
    }
    checkCitations(at, rel.citations, sourceIds, problems);
  });
  return problems;
}

/** Every id a changeset refers to, for looking up which of them the graph already holds. */
export function referencedIds(changeset: Changeset): string[] {
  const ids = new Set<string>();
  for (const entity of changeset.entities) {
    ids.add(entity.id);
    for (const citation of entity.citations) ids.add(citation.sourceId);
    for (const alias of entity.aliases) for (const citation of alias.citations) ids.add(citation.sourceId);
  }
  for (const rel of changeset.relationships) {
    ids.add(rel.from);
    ids.add(rel.to);
    for (const citation of rel.citations) ids.add(citation.sourceId);
  }
  return [...ids];
}

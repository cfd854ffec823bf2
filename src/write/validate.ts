import { ENTITY_KINDS, RELATIONSHIP_TYPES, endpointProblem, isOneOf, type EntityKind } from '../model/vocabulary.js';
import { relationshipIdentity } from '../model/relationshipIdentity.js';
import { MAX_TEXT, type Changeset, type Citation, type Problem, type RelationshipInput } from './changeset.js';

/**
 * The rules every changeset is held to before anything is written: ids, kinds and types from the
 * vocabulary, plain property values, every claim citing a Source, relationship ends that exist and
 * are of the kinds their type allows (src/model/vocabulary.ts, RELATIONSHIP_ENDPOINTS).
 */

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
    const fromKind = ids.get(rel.from) ?? existing.get(rel.from);
    const toKind = ids.get(rel.to) ?? existing.get(rel.to);
    const ends = isOneOf(RELATIONSHIP_TYPES, rel.type) && fromKind && toKind ? endpointProblem(rel, fromKind, toKind) : null;
    if (ends !== null) problems.push({ at, message: `its ${ends.end === 'from' ? 'start' : 'end'} ${ends.message}` });
    const identity = relationshipIdentity(rel);
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

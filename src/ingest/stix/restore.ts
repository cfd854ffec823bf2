import { isRecord } from '../../model/records.js';
import type { AliasInput, Citation, EntityInput, PropertyValue, RelationshipInput } from '../../write/changeset.js';
import type { ImportedDocument } from '../imported.js';
import { parsePartialDate, type PartialDate } from '../../model/partialDate.js';
import { ENTITY_KINDS, RELATIONSHIP_TYPES, isOneOf } from '../../model/vocabulary.js';

/**
 * Reads back the graph record attribution-graph's exporter puts on every object it writes
 * (src/stix/extensions.ts, property extension). Such an object is the graph as it was, so it is
 * restored as is, with its own ids and citations, rather than imported as a new source's claim.
 */

type Report = (at: string, message: string) => void;

function citations(value: unknown, at: string, problem: Report): Citation[] {
  if (!Array.isArray(value)) {
    problem(at, 'graph record: citations must be a list');
    return [];
  }
  return value.flatMap((item) => {
    if (!isRecord(item) || typeof item.source !== 'string') {
      problem(at, 'graph record: each citation needs a source id');
      return [];
    }
    return [{ sourceId: item.source, quote: typeof item.quote === 'string' ? item.quote : null }];
  });
}

function dates(value: unknown, at: string, problem: Report): Record<string, PartialDate | null> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    problem(at, 'graph record: dates must be an object');
    return {};
  }
  const result: Record<string, PartialDate | null> = {};
  for (const [name, text] of Object.entries(value)) {
    if (text === null) {
      result[name] = null;
      continue;
    }
    const parsed = typeof text === 'string' ? parsePartialDate(text) : 'not text';
    if (typeof parsed === 'string') problem(at, `graph record: date ${name}: ${parsed}`);
    else result[name] = parsed;
  }
  return result;
}

function props(value: unknown, at: string, problem: Report): Record<string, PropertyValue> {
  if (!isRecord(value)) {
    problem(at, 'graph record: props must be an object');
    return {};
  }
  // Value types are checked with the rest of the changeset (src/write/changeset.ts).
  return value as Record<string, PropertyValue>;
}

export function restoreGraphRecord(
  record: unknown,
  stixId: string,
  at: string,
  restored: ImportedDocument['restored'],
  problem: Report,
): void {
  if (!isRecord(record)) {
    problem(at, 'graph record extension must be an object');
    return;
  }
  if (isRecord(record.entity)) {
    const entity = record.entity;
    if (typeof entity.id !== 'string' || !isOneOf(ENTITY_KINDS, entity.kind) || typeof entity.name !== 'string') {
      problem(at, 'graph record: an entity needs an id, a known kind and a name');
      return;
    }
    const aliases: AliasInput[] = (Array.isArray(entity.aliases) ? entity.aliases : []).flatMap((alias: unknown) => {
      if (!isRecord(alias) || typeof alias.name !== 'string') {
        problem(at, 'graph record: each alias needs a name');
        return [];
      }
      return [
        {
          name: alias.name,
          givenBy: typeof alias.givenBy === 'string' && alias.givenBy !== '' ? alias.givenBy : null,
          citations: citations(alias.citations ?? [], at, problem),
        },
      ];
    });
    const restoredEntity: EntityInput = {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      description: typeof entity.description === 'string' ? entity.description : null,
      props: props(entity.props ?? {}, at, problem),
      dates: dates(entity.dates, at, problem),
      aliases,
      citations: citations(entity.citations ?? [], at, problem),
    };
    restored.entities.push(restoredEntity);
    restored.stixIds.set(stixId, entity.id);
    return;
  }
  if (isRecord(record.relationship)) {
    const rel = record.relationship;
    if (!isOneOf(RELATIONSHIP_TYPES, rel.type) || typeof rel.from !== 'string' || typeof rel.to !== 'string') {
      problem(at, 'graph record: a relationship needs a known type, from and to');
      return;
    }
    const restoredRelationship: RelationshipInput = {
      type: rel.type,
      from: rel.from,
      to: rel.to,
      key: typeof rel.key === 'string' ? rel.key : '',
      props: props(rel.props ?? {}, at, problem),
      dates: dates(rel.dates, at, problem),
      citations: citations(rel.citations ?? [], at, problem),
    };
    restored.relationships.push(restoredRelationship);
    return;
  }
  problem(at, 'graph record extension holds neither an entity nor a relationship');
}

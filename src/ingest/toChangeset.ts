import { relationshipIdentity } from '../model/relationshipIdentity.js';
import { endpointProblem } from '../model/vocabulary.js';
import type { Changeset, Citation, EntityInput, PropertyValue, RelationshipInput } from '../write/changeset.js';
import type { ImportedDocument, ImportedObject } from './imported.js';
import type { Resolution } from './resolveAliases.js';

/**
 * Turns a resolved ImportedDocument into the changeset that is applied: the file's Source entity,
 * one entity per object (written, merged or left out as resolveAliases decided), the links between
 * them, and whatever was restored from an own export. POSSIBLY_SAME_AS between actors are derived
 * from all statements after the write (src/ingest/reconcileActors.ts).
 * Every entity, alias and relationship cites the file's Source.
 */

export interface FileSource {
  id: string;
  name: string;
  fileName: string;
  sha256: string;
  importedAt: string;
}

export interface BuiltChangeset {
  changeset: Changeset;
  warnings: string[];
}

/** The version a file states, or else the one its name carries (enterprise-attack-18.1.json.gz). */
export function datasetVersion(document: ImportedDocument, fileName: string): { version: string | null; fromFileName: boolean } {
  if (document.version !== null) return { version: document.version, fromFileName: false };
  const fromName = /[-_]v?(\d+(?:\.\d+)+)(?=\.|$)/.exec(fileName);
  return fromName ? { version: fromName[1]!, fromFileName: true } : { version: null, fromFileName: false };
}

export function sourceEntity(document: ImportedDocument, source: FileSource): EntityInput {
  const props: Record<string, PropertyValue> = {
    sourceType: 'DATASET',
    format: document.formatLabel,
    sha256: source.sha256,
    fileName: source.fileName,
    importedAt: source.importedAt,
  };
  const version = datasetVersion(document, source.fileName);
  if (version.version !== null) props.version = version.version;
  if (version.fromFileName) props.versionFrom = 'file name';
  if (document.publisher !== null) props.publisher = document.publisher;
  Object.assign(props, document.sourceAbout?.props);
  const dates = { ...document.sourceAbout?.dates };
  return { id: source.id, kind: 'Source', name: source.name, description: null, props, dates, aliases: [], citations: [] };
}

export function toChangeset(
  document: ImportedDocument,
  resolution: Resolution,
  source: FileSource | null,
  origin: string,
): BuiltChangeset {
  const warnings: string[] = [];
  const entities: EntityInput[] = [...document.restored.entities];
  const relationships: RelationshipInput[] = [...document.restored.relationships];
  const cite = (): Citation[] => (source === null ? [] : [{ sourceId: source.id, quote: null }]);
  const giver = document.publisher ?? source?.name ?? null;

  if (source !== null && document.objects.length + document.links.length > 0) entities.push(sourceEntity(document, source));

  const entityOf = (object: ImportedObject, id: string): EntityInput => ({
    id,
    kind: object.kind,
    name: object.name,
    description: object.description,
    props: object.props,
    dates: { ...object.dates },
    aliases: object.names.map((name) => ({
      name: name.name,
      givenBy: name.givenBy ?? giver,
      citations: source === null ? [] : [{ sourceId: source.id, quote: name.quote }],
    })),
    citations: [...cite(), ...(object.citations ?? [])],
  });
  for (const object of document.objects) {
    const action = resolution.actions.get(object);
    if (action === undefined || action.kind === 'skip') continue;
    const entity = entityOf(object, action.id);
    // What this file states about the entity, beside what other files state (src/write/apply.ts).
    if (source !== null) {
      entity.statement = {
        key: `${source.id}|${object.externalId}`,
        own: action.kind === 'write',
        modified: object.modified,
        why: action.kind === 'merge' ? action.why : null,
        ...(object.resolveByName
          ? { resolution: { names: [object.name, ...object.names.map((name) => name.name)], identifiers: object.identifiers } }
          : {}),
      };
    }
    entities.push(entity);
  }

  const idOf = (ref: string): string | undefined => resolution.ids.get(ref) ?? document.restored.stixIds.get(ref);
  const kinds = new Map<string, string>();
  for (const [id, held] of resolution.existing) kinds.set(id, held.kind);
  for (const object of document.objects) {
    const action = resolution.actions.get(object);
    if (action !== undefined) kinds.set(action.id, object.kind);
  }
  const kindOf = (id: string): string | undefined => kinds.get(id);
  const seen = new Set<string>();
  const skipped = new Map<string, number>();
  for (const link of document.links) {
    const from = idOf(link.from);
    const to = idOf(link.to);
    if (from === undefined || to === undefined) {
      const missing = [from === undefined ? link.from : null, to === undefined ? link.to : null].filter(Boolean).join(' and ');
      // A relationship to an object that is nowhere (or was skipped for a defect) is skipped alone.
      if (link.required)
        warnings.push(`${link.at}: refers to ${missing}, which is in neither the file nor the graph; it was skipped`);
      else skipped.set(link.type, (skipped.get(link.type) ?? 0) + 1);
      continue;
    }
    // A link its type does not allow between these kinds, or from an entity to itself (two clusters
    // that resolved to one actor), is a defect of that link alone: skipped, named.
    const fromKind = kindOf(from);
    const toKind = kindOf(to);
    const ends = fromKind && toKind ? endpointProblem({ type: link.type, from, to }, fromKind, toKind) : null;
    if (ends !== null) {
      warnings.push(`${link.at}: ${link.type} ${ends.end === 'from' ? 'start' : 'end'} ${ends.message}; it was skipped`);
      continue;
    }
    const identity = relationshipIdentity({ type: link.type, from, to, key: link.key });
    if (seen.has(identity)) continue; // the same claim stated twice (a victim listed twice)
    seen.add(identity);
    const modified = typeof link.props.modified === 'string' ? link.props.modified : null;
    relationships.push({
      type: link.type,
      from,
      to,
      key: link.key,
      props: link.props,
      dates: {},
      citations: [...cite(), ...(link.citations ?? [])],
      statement: { modified },
    });
  }
  for (const [type, times] of skipped) {
    warnings.push(
      `${times} ${type} reference(s) to objects in neither the file nor the graph were skipped (the references stay in the object's properties)`,
    );
  }

  return { changeset: { origin, entities, relationships }, warnings };
}

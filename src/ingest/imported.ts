import type { Citation, EntityInput, PropertyValue, RelationshipInput } from '../write/changeset.js';
import type { PartialDate } from '../model/partialDate.js';
import type { EntityKind, RelationshipType } from '../model/vocabulary.js';

/**
 * What a format reader (src/ingest/stix/read.ts, src/ingest/misp/read.ts) makes of a file before
 * anything is looked up in the graph: objects keyed by the ids the file gives them, and links
 * between those ids. src/ingest/resolveAliases.ts then decides which graph entity each object is,
 * and src/ingest/toChangeset.ts turns the result into a changeset.
 */

/** A name a source gives an object, and who uses it. */
export interface ImportedName {
  name: string;
  givenBy: string | null;
  /** Verbatim text of the source supporting the name, if it has any. */
  quote: string | null;
}

export interface ImportedObject {
  /** Where in the file, for messages: "objects[12] intrusion-set--4283…". */
  at: string;
  /** The id the file gives the object (a STIX id, a MISP uuid) or, for derived objects, the graph id. */
  externalId: string;
  /** Graph id the object gets when it is new: the STIX id itself, misp:<uuid>, state:<iso>. */
  proposedId: string;
  kind: EntityKind;
  name: string;
  description: string | null;
  names: ImportedName[];
  props: Record<string, PropertyValue>;
  /** The object's version timestamp (STIX modified): an older version never replaces a newer one. */
  modified: string | null;
  /** Actors are matched against existing actors (src/ingest/resolveAliases.ts); nothing else is. */
  resolveByName: boolean;
  /**
   * Strong identifiers of an actor, matched before any name: `attack:G0128` (an ATT&CK id from
   * external_references, MISP meta or a name like "ZIRCONIUM - G0128"), `uuid:<uuid>` (a STIX id's
   * UUID or a MISP cluster's uuid: MITRE-derived clusters reuse ATT&CK's).
   */
  identifiers: string[];
  /** Created only when the graph lacks it and never rewritten: a State a MISP cluster names. */
  createOnly: boolean;
  /** Partial dates (started, ended, occurred) where the file gives them. */
  dates?: Record<string, PartialDate>;
  /** Sources the file cites for the object besides the file itself (a EuRepoC row's URLs). */
  citations?: Citation[];
}

export interface ImportedLink {
  at: string;
  type: RelationshipType;
  /** External ids (of objects in this file or already in the graph). */
  from: string;
  to: string;
  key: string;
  props: Record<string, PropertyValue>;
  /**
   * A required link (a STIX relationship or sighting) whose end is in neither the file nor the
   * graph makes the file malformed; an optional one (report object_refs, MISP related) is skipped
   * with a warning.
   */
  required: boolean;
  /** Sources the file cites for the link besides the file itself. */
  citations?: Citation[];
}

export interface ImportedDocument {
  /** stix | misp | eurepoc. */
  format: 'stix' | 'misp' | 'eurepoc';
  /** "STIX 2.0", "STIX 2.1", "MISP galaxy", "EuRepoC CSV". */
  formatLabel: string;
  /** The dataset's own name and version where the file states them. */
  title: string | null;
  version: string | null;
  publisher: string | null;
  objectCount: number;
  objects: ImportedObject[];
  links: ImportedLink[];
  /** Objects of types the model has no kind for, per type (kept as StixObject nodes). */
  unknownTypes: Record<string, number>;
  /** Properties the model does not map, per "type.property" (kept as JSON on the entity). */
  unknownProperties: Record<string, number>;
  warnings: string[];
  /** What the file's Source says about the dataset beyond title and version (a DOI, its publication date). */
  sourceAbout?: { props: Record<string, PropertyValue>; dates: Record<string, PartialDate> };
  /** Oddities of the data that were handled, by kind, with the records they occurred in (EuRepoC incident ids). */
  anomalies?: Record<string, string[]>;
  /**
   * Entities and relationships restored exactly from attribution-graph's own STIX export (objects
   * carrying its property extension): they are the graph as it was, not a new source's claims.
   */
  restored: { entities: EntityInput[]; relationships: RelationshipInput[]; stixIds: Map<string, string> };
}

export function count(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** A document with nothing read into it yet: each reader fills in what its format says. */
export function emptyDocument(
  format: ImportedDocument['format'],
  formatLabel: string,
  objectCount: number,
  about: Pick<ImportedDocument, 'title' | 'version' | 'publisher'> = { title: null, version: null, publisher: null },
): ImportedDocument {
  return {
    format,
    formatLabel,
    ...about,
    objectCount,
    objects: [],
    links: [],
    unknownTypes: {},
    unknownProperties: {},
    warnings: [],
    restored: { entities: [], relationships: [], stixIds: new Map() },
  };
}

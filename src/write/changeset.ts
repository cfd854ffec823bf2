import type { EntityKind, RelationshipType } from '../model/vocabulary.js';
import type { Citation } from '../model/citations.js';
import type { PartialDate } from '../model/partialDate.js';

/**
 * A changeset is what every writer hands to the graph: the seed, the STIX and MISP importers and
 * the editing mutations. It is validated as a whole and applied in one transaction (src/write/apply.ts),
 * so a rejected changeset writes nothing. Its rules are in src/write/validate.ts.
 */

export type Scalar = string | number | boolean | null;
export type PropertyValue = Scalar | string[] | number[];

export type { Citation };

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
   * Set when this changeset adds what one source says to an entity another origin owns (an import
   * whose actor matched the seed's by alias). The entity's name, description and properties stay;
   * citations, aliases and identifiers are added, and this entity's own name, description and
   * properties are kept as the source's record under `key`, the id the source gives the object
   * (a STIX id, misp:<uuid>), by which a re-import finds the entity again
   * (see cypher/write/merge-into-entities.cypher).
   */
  merge?: { key: string };
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

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
  /**
   * For an actor: every name and strong identifier the source gives it, kept in the statement's
   * record so that resolution can be recomputed from all statements (src/ingest/actorClusters.ts),
   * and its record keeps everything it said, so that it can be split out again.
   */
  resolution?: { names: string[]; identifiers: string[] };
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

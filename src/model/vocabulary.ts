/**
 * The graph's vocabulary, defined once: node kinds (labels), relationship types, and the enumerations
 * stored on them. Dynamic labels and types in Cypher ($(…)) are only ever taken from these lists.
 * docs/model.md describes each; the GraphQL enums in schema/ mirror them (a test checks that).
 */

export const ENTITY_KINDS = [
  'ThreatActor',
  'State',
  'Location',
  'Organization',
  'Person',
  'PersonGroup',
  'Campaign',
  'Response',
  'Source',
  'AttackPattern',
  'Malware',
  'Tool',
  'CourseOfAction',
  'Report',
  'Note',
  'Opinion',
  'Sighting',
  'StixObject',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const RELATIONSHIP_TYPES = [
  // The case: who did what to whom, and who belongs to whom.
  'TARGETS',
  'CONDUCTED_BY',
  'SPONSORED_BY',
  'MEMBER_OF',
  'PART_OF',
  'HOLDS_ROLE',
  'DESIGNATED_CRITICAL_INFRASTRUCTURE_BY',
  // Responses.
  'ISSUED_BY',
  'ON_BEHALF_OF',
  'CONCERNS',
  'REFERS_TO',
  'ACKNOWLEDGES',
  // Threat intelligence (STIX, ATT&CK, MISP).
  'USES',
  'ATTRIBUTED_TO',
  'LOCATED_AT',
  'ORIGINATES_FROM',
  'MITIGATES',
  'SUBTECHNIQUE_OF',
  'REVOKED_BY',
  'RELATED_TO',
  'DERIVED_FROM',
  'DUPLICATE_OF',
  'INDICATES',
  'SIGHTING_OF',
  'OBJECT_REF',
  'POSSIBLY_SAME_AS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RESPONSE_TYPES = [
  'ATTRIBUTION',
  'CONDEMNATION',
  'SOLIDARITY',
  'CONCERN',
  'CALL_TO_ACTION',
  'INDICTMENT',
  'SANCTION',
  'AMBASSADOR_SUMMONS',
  'DENIAL',
  // Political and legal measures as EuRepoC codes them (docs/import-export.md, "Response types").
  'STATEMENT',
  'DIPLOMATIC_PROTEST',
  'AWARENESS_RAISING',
  'CAPACITY_BUILDING',
  'DIALOGUE',
  'INVESTIGATION',
  'LEGISLATION',
  'PERSONNEL_CONSEQUENCE',
  'LAW_ENFORCEMENT',
  'RETORSION',
  'DIPLOMATIC_SEVERANCE',
  'EMERGENCY_DECLARATION',
] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/** A response's stance toward a party it refers to (a state, an actor, a person or group). */
export const STANCES = [
  'NAMES_RESPONSIBLE',
  'ALLUDES_TO',
  'DOES_NOT_NAME',
  'EXPRESSES_SOLIDARITY_WITH',
  'EXPRESSES_CONCERN_ABOUT',
  'CALLS_ON',
  'CONDEMNS',
  'CHARGES',
  'SANCTIONS',
  'DENIES',
] as const;
export type Stance = (typeof STANCES)[number];

/**
 * Whose words a stance rests on: the party's own, as a source quotes them, or a source's account of
 * what the party said or did ("NATO and the European Union … were quick to condemn China"), which
 * then names the source that reports it (reportedBy).
 */
export const STANCE_BASES = ['OWN_WORDS', 'REPORTED'] as const;
export type StanceBasis = (typeof STANCE_BASES)[number];

/** How a date is known: stated by its source, inferred from what a source says, or given by another source. */
export const DATE_BASES = ['STATED', 'INFERRED', 'OTHER_SOURCE'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

export const ORGANIZATION_TYPES = [
  'GOVERNMENT_BODY',
  'INTERGOVERNMENTAL',
  'AGENCY',
  'COMPANY',
  'SECURITY_VENDOR',
  'OTHER',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const SOURCE_TYPES = ['NEWS_ARTICLE', 'OFFICIAL_STATEMENT', 'REPORT', 'DATASET', 'COURT_FILING', 'OTHER'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * The kinds that have a GraphQL type of their own (every other kind is an IntelObject) and the
 * prefix of the ids the API makes for new entities of each.
 */
export const ID_PREFIX_BY_OWN_KIND = {
  ThreatActor: 'actor',
  State: 'state',
  Organization: 'org',
  Person: 'person',
  PersonGroup: 'group',
  Campaign: 'campaign',
  Response: 'response',
  Source: 'source',
} as const satisfies Partial<Record<EntityKind, string>>;
export type OwnKind = keyof typeof ID_PREFIX_BY_OWN_KIND;

export function hasOwnType(kind: string): kind is OwnKind {
  return Object.hasOwn(ID_PREFIX_BY_OWN_KIND, kind);
}

/** States, organisations, people, groups of people and threat actors: those who act, claim and respond. */
export const PARTY_KINDS = [
  'ThreatActor',
  'State',
  'Organization',
  'Person',
  'PersonGroup',
] as const satisfies readonly EntityKind[];

/** Every kind a relationship may touch: a Source is cited (citeSources), never linked to. */
const LINKABLE_KINDS = ENTITY_KINDS.filter((kind) => kind !== 'Source');

/** What is targeted: STIX's identities, locations, and vulnerabilities and infrastructure (StixObject). */
const TARGET_KINDS = [
  'State',
  'Organization',
  'Person',
  'PersonGroup',
  'Location',
  'StixObject',
] as const satisfies readonly EntityKind[];

/**
 * The kinds each relationship type may start at and end at. Taken from what the seed, the STIX,
 * MISP and EuRepoC mappings and the generators write (and, for the STIX types, from the relationships
 * STIX 2.1 defines between the objects each kind stands for), so that every existing import fits.
 * docs/model.md shows this table; mutations and imports are both held to it.
 */
export const RELATIONSHIP_ENDPOINTS: Readonly<
  Record<RelationshipType, { readonly from: readonly EntityKind[]; readonly to: readonly EntityKind[] }>
> = {
  TARGETS: {
    from: ['Campaign', 'ThreatActor', 'AttackPattern', 'Malware', 'Tool', 'StixObject'],
    to: TARGET_KINDS,
  },
  CONDUCTED_BY: { from: ['Campaign'], to: PARTY_KINDS },
  SPONSORED_BY: { from: ['ThreatActor', 'PersonGroup', 'Person'], to: ['State', 'Organization'] },
  MEMBER_OF: { from: PARTY_KINDS, to: ['Organization', 'ThreatActor', 'PersonGroup'] },
  PART_OF: { from: ['Organization', 'PersonGroup', 'ThreatActor'], to: ['State', 'Organization'] },
  HOLDS_ROLE: { from: ['Person'], to: ['Organization', 'State', 'PersonGroup', 'ThreatActor'] },
  DESIGNATED_CRITICAL_INFRASTRUCTURE_BY: { from: ['Organization'], to: ['State'] },
  ISSUED_BY: { from: ['Response'], to: PARTY_KINDS },
  ON_BEHALF_OF: { from: ['Response'], to: ['State', 'Organization'] },
  CONCERNS: { from: ['Response'], to: ['Campaign'] },
  REFERS_TO: { from: ['Response'], to: PARTY_KINDS },
  ACKNOWLEDGES: { from: ['Response'], to: ['Response'] },
  USES: {
    from: ['ThreatActor', 'Campaign', 'Malware', 'Tool', 'AttackPattern', 'StixObject'],
    to: ['AttackPattern', 'Malware', 'Tool', 'StixObject'],
  },
  ATTRIBUTED_TO: { from: ['Campaign', 'ThreatActor'], to: PARTY_KINDS },
  LOCATED_AT: { from: [...PARTY_KINDS, 'StixObject'], to: ['Location', 'State'] },
  ORIGINATES_FROM: { from: ['Campaign', 'ThreatActor', 'Malware', 'StixObject'], to: ['Location', 'State'] },
  MITIGATES: { from: ['CourseOfAction'], to: ['AttackPattern', 'Malware', 'Tool', 'StixObject'] },
  SUBTECHNIQUE_OF: { from: ['AttackPattern'], to: ['AttackPattern'] },
  REVOKED_BY: { from: LINKABLE_KINDS, to: LINKABLE_KINDS },
  RELATED_TO: { from: LINKABLE_KINDS, to: LINKABLE_KINDS },
  DERIVED_FROM: { from: LINKABLE_KINDS, to: LINKABLE_KINDS },
  DUPLICATE_OF: { from: LINKABLE_KINDS, to: LINKABLE_KINDS },
  INDICATES: {
    from: ['StixObject'],
    to: ['AttackPattern', 'Campaign', 'ThreatActor', 'Malware', 'Tool', 'StixObject'],
  },
  SIGHTING_OF: { from: ['Sighting'], to: LINKABLE_KINDS },
  OBJECT_REF: { from: ['Report', 'Note', 'Opinion', 'Sighting', 'StixObject'], to: LINKABLE_KINDS },
  POSSIBLY_SAME_AS: { from: LINKABLE_KINDS, to: LINKABLE_KINDS },
};

/**
 * Why a relationship of this type may not run between entities of these kinds (or to itself), in
 * words that name the kinds allowed; null when it may. `from`/`to` prefix the message with the end.
 */
export function endpointProblem(
  rel: { type: RelationshipType; from: string; to: string },
  fromKind: string,
  toKind: string,
): { end: 'from' | 'to'; message: string } | null {
  if (rel.from === rel.to) return { end: 'to', message: `is ${rel.from} itself: an entity is not linked to itself` };
  const allowed = RELATIONSHIP_ENDPOINTS[rel.type];
  if (allowed === undefined) return null;
  if (!(allowed.from as readonly string[]).includes(fromKind)) {
    return {
      end: 'from',
      message: `${rel.from} is ${withArticle(fromKind)}; a ${rel.type} relationship starts at ${kindList(allowed.from)}`,
    };
  }
  if (!(allowed.to as readonly string[]).includes(toKind)) {
    return {
      end: 'to',
      message: `${rel.to} is ${withArticle(toKind)}; a ${rel.type} relationship ends at ${kindList(allowed.to)}`,
    };
  }
  return null;
}

function kindList(kinds: readonly string[]): string {
  if (kinds.length === LINKABLE_KINDS.length) return 'any kind but a Source';
  return kinds.length === 1 ? withArticle(kinds[0]!) : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}

function withArticle(kind: string): string {
  return `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

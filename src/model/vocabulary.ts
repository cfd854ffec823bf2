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

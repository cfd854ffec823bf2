import type { EntityKind, RelationshipType } from '../model/vocabulary.js';

/**
 * The STIX → model mapping tables (docs/import-export.md shows them). Kept apart from the reader so
 * that the exporter maps back with the same tables.
 */

/** STIX object types with a kind of their own; identity is mapped by identity_class. */
export const KIND_BY_STIX_TYPE: Readonly<Record<string, EntityKind>> = {
  'intrusion-set': 'ThreatActor',
  'threat-actor': 'ThreatActor',
  campaign: 'Campaign',
  location: 'Location',
  'attack-pattern': 'AttackPattern',
  malware: 'Malware',
  tool: 'Tool',
  'course-of-action': 'CourseOfAction',
  report: 'Report',
  note: 'Note',
  opinion: 'Opinion',
  sighting: 'Sighting',
};

export function identityKind(identityClass: string | null): EntityKind {
  // individual → Person; organization, group, class and anything else (system, unknown) → Organization.
  return identityClass === 'individual' ? 'Person' : 'Organization';
}

/** STIX relationship_type → graph relationship type. Others become RELATED_TO with relationshipType kept. */
export const RELATIONSHIP_BY_STIX_TYPE: Readonly<Record<string, RelationshipType>> = {
  targets: 'TARGETS',
  'attributed-to': 'ATTRIBUTED_TO',
  uses: 'USES',
  'located-at': 'LOCATED_AT',
  'originates-from': 'ORIGINATES_FROM',
  mitigates: 'MITIGATES',
  'subtechnique-of': 'SUBTECHNIQUE_OF',
  'revoked-by': 'REVOKED_BY',
  'related-to': 'RELATED_TO',
  'derived-from': 'DERIVED_FROM',
  'duplicate-of': 'DUPLICATE_OF',
  indicates: 'INDICATES',
};

/** Properties every STIX object may have that the model maps (to props, links or the entity itself). */
export const COMMON_PROPERTIES = [
  'type',
  'spec_version',
  'id',
  'created',
  'modified',
  'created_by_ref',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'extensions',
  'name',
  'description',
  // ATT&CK's deprecation flag is common enough to be a first-class property (deprecated).
  'x_mitre_deprecated',
] as const;

/** Type-specific properties of STIX 2.1 (and 2.0) that the model maps, per object type. */
export const TYPE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'intrusion-set': [
    'aliases',
    'first_seen',
    'last_seen',
    'goals',
    'resource_level',
    'primary_motivation',
    'secondary_motivations',
  ],
  'threat-actor': [
    'threat_actor_types',
    'aliases',
    'first_seen',
    'last_seen',
    'roles',
    'goals',
    'sophistication',
    'resource_level',
    'primary_motivation',
    'secondary_motivations',
    'personal_motivations',
  ],
  campaign: ['aliases', 'first_seen', 'last_seen', 'objective'],
  identity: ['roles', 'identity_class', 'sectors', 'contact_information'],
  location: [
    'latitude',
    'longitude',
    'precision',
    'region',
    'country',
    'administrative_area',
    'city',
    'street_address',
    'postal_code',
  ],
  'attack-pattern': ['aliases', 'kill_chain_phases', 'x_mitre_aliases'],
  malware: [
    'malware_types',
    'is_family',
    'aliases',
    'x_mitre_aliases',
    'kill_chain_phases',
    'first_seen',
    'last_seen',
    'operating_system_refs',
    'architecture_execution_envs',
    'implementation_languages',
    'capabilities',
    'sample_refs',
  ],
  tool: ['tool_types', 'aliases', 'x_mitre_aliases', 'kill_chain_phases', 'tool_version'],
  'course-of-action': ['action'],
  report: ['report_types', 'published', 'object_refs'],
  note: ['abstract', 'content', 'authors', 'object_refs'],
  opinion: ['explanation', 'authors', 'opinion', 'object_refs'],
  sighting: ['first_seen', 'last_seen', 'count', 'sighting_of_ref', 'observed_data_refs', 'where_sighted_refs', 'summary'],
  relationship: ['relationship_type', 'source_ref', 'target_ref', 'start_time', 'stop_time'],
};

/** Where the external_references of ATT&CK give ATT&CK ids (G0128, T1566, S0154, TA0001). */
export const ATTACK_SOURCE_NAMES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);

/** snake_case STIX property → camelCase graph property. */
export function propertyName(stixProperty: string): string {
  return stixProperty.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Properties whose value is kept as JSON text (Neo4j properties cannot hold maps). */
export const JSON_PROPERTIES = new Set([
  'externalReferences',
  'granularMarkings',
  'extensions',
  'killChainPhases',
  'stixExtra',
  'stixJson',
]);

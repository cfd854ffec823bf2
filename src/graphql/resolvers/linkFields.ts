import type { Direction } from './shared.js';

/**
 * The typed relationship fields of the entity types (ThreatActor.uses, Campaign.targets, …): which
 * relationships each lists, and of which kinds of entity at the far end (null: any). The resolvers
 * (model.ts) and the single-statement reads of src/graphql/preload.ts both read this table, so
 * that the two ways of answering a field cannot drift apart.
 */
export interface LinkField {
  types: string[];
  direction: Direction;
  kinds: string[] | null;
}

const field = (types: string[], direction: Direction, kinds: string[] | null): LinkField => ({ types, direction, kinds });

export const LINK_FIELDS = {
  ThreatActor: {
    sponsors: field(['SPONSORED_BY'], 'OUT', ['State']),
    campaigns: field(['CONDUCTED_BY', 'ATTRIBUTED_TO'], 'IN', ['Campaign']),
    members: field(['MEMBER_OF'], 'IN', null),
    uses: field(['USES'], 'OUT', null),
    possiblySameAs: field(['POSSIBLY_SAME_AS'], 'BOTH', ['ThreatActor']),
  },
  State: {
    memberOf: field(['MEMBER_OF'], 'OUT', ['Organization']),
    sponsoredActors: field(['SPONSORED_BY'], 'IN', ['ThreatActor']),
    bodies: field(['PART_OF'], 'IN', ['Organization']),
    criticalInfrastructure: field(['DESIGNATED_CRITICAL_INFRASTRUCTURE_BY'], 'IN', ['Organization']),
  },
  Organization: {
    members: field(['MEMBER_OF'], 'IN', null),
    partOf: field(['PART_OF'], 'OUT', null),
    roles: field(['HOLDS_ROLE'], 'IN', ['Person']),
    targetedBy: field(['TARGETS'], 'IN', ['Campaign']),
    designatedCriticalInfrastructureBy: field(['DESIGNATED_CRITICAL_INFRASTRUCTURE_BY'], 'OUT', ['State']),
  },
  Person: {
    roles: field(['HOLDS_ROLE'], 'OUT', ['Organization']),
  },
  PersonGroup: {
    memberOf: field(['MEMBER_OF'], 'OUT', null),
  },
  Campaign: {
    targets: field(['TARGETS'], 'OUT', null),
    conductedBy: field(['CONDUCTED_BY', 'ATTRIBUTED_TO'], 'OUT', ['ThreatActor']),
  },
} as const satisfies Record<string, Record<string, LinkField>>;

export type LinkFieldType = keyof typeof LINK_FIELDS;

/** The typed relationship field `name` of the GraphQL type `typeName`, if it is one. */
export function linkField(typeName: string, name: string): LinkField | null {
  const fields = (LINK_FIELDS as Record<string, Record<string, LinkField>>)[typeName];
  return fields !== undefined && Object.hasOwn(fields, name) ? fields[name]! : null;
}

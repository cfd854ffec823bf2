import { deterministicStixId } from '../model/stixId.js';

/**
 * The STIX 2.1 extensions attribution-graph exports its own model with (docs/import-export.md has
 * their JSON schemas). Shared by the exporter and by the importer, which restores an export exactly.
 *
 * - A property extension on every exported object carries the graph's record of it: entity id,
 *   kind, name, properties, partial dates, aliases with who gave them, citations with quotes.
 * - New SDOs for what STIX has no object for: a diplomatic or legal response, a source document,
 *   a state as a political actor.
 * - A new SRO for a response's stance toward a party (REFERS_TO with its stance).
 */

export const EXTENSION_CREATOR = {
  type: 'identity',
  spec_version: '2.1',
  id: deterministicStixId('identity', 'attribution-graph'),
  created: '2025-01-01T00:00:00.000Z',
  modified: '2025-01-01T00:00:00.000Z',
  name: 'attribution-graph',
  identity_class: 'system',
} as const;

export const SCHEMA_BASE = 'https://github.com/attribution-graph/docs/import-export.md';

export const PROPERTY_EXTENSION_ID = deterministicStixId('extension-definition', 'attribution-graph/graph-record/v1');

export const NEW_OBJECT_TYPES = {
  Response: 'x-attribution-graph-response',
  Source: 'x-attribution-graph-source',
  State: 'x-attribution-graph-state',
} as const;

export const STANCE_TYPE = 'x-attribution-graph-stance';

export function newObjectExtensionId(stixType: string): string {
  return deterministicStixId('extension-definition', `attribution-graph/${stixType}/v1`);
}

interface ExtensionDefinitionSpec {
  id: string;
  name: string;
  description: string;
  extensionTypes: Array<'new-sdo' | 'new-sro' | 'property-extension'>;
  anchor: string;
}

const SPECS: ExtensionDefinitionSpec[] = [
  {
    id: PROPERTY_EXTENSION_ID,
    name: 'attribution-graph graph record',
    description:
      "The attribution-graph record of an object: the graph's entity id and kind, name, properties, partial dates, aliases (name, who gives it, citations) and citations (source id, verbatim quote); on relationships the graph's type, endpoints, key, properties, dates and citations.",
    extensionTypes: ['property-extension'],
    anchor: 'graph-record',
  },
  {
    id: newObjectExtensionId(NEW_OBJECT_TYPES.Response),
    name: 'attribution-graph response',
    description:
      'A diplomatic or legal response to a cyber campaign (attribution, condemnation, solidarity, indictment, sanction, …): dated, issued by someone, with its sources.',
    extensionTypes: ['new-sdo'],
    anchor: 'x-attribution-graph-response',
  },
  {
    id: newObjectExtensionId(NEW_OBJECT_TYPES.Source),
    name: 'attribution-graph source',
    description: 'A source document or dataset that claims in the graph cite: title, publisher, publication date, type.',
    extensionTypes: ['new-sdo'],
    anchor: 'x-attribution-graph-source',
  },
  {
    id: newObjectExtensionId(NEW_OBJECT_TYPES.State),
    name: 'attribution-graph state',
    description:
      'A state as a political actor (that accuses, is accused, is a member of an alliance), as opposed to a country as a location.',
    extensionTypes: ['new-sdo'],
    anchor: 'x-attribution-graph-state',
  },
  {
    id: newObjectExtensionId(STANCE_TYPE),
    name: 'attribution-graph stance',
    description:
      "A response's stance toward a party it refers to (names responsible, alludes to, does not name, condemns, …), with its sources.",
    extensionTypes: ['new-sro'],
    anchor: 'x-attribution-graph-stance',
  },
];

export function extensionDefinitions(): Array<Record<string, unknown>> {
  return SPECS.map((spec) => ({
    type: 'extension-definition',
    spec_version: '2.1',
    id: spec.id,
    created_by_ref: EXTENSION_CREATOR.id,
    created: EXTENSION_CREATOR.created,
    modified: EXTENSION_CREATOR.modified,
    name: spec.name,
    description: spec.description,
    schema: `${SCHEMA_BASE}#${spec.anchor}`,
    version: '1.0.0',
    extension_types: spec.extensionTypes,
  }));
}

/** Every extension-definition id this project defines: objects of these are not foreign data. */
export const OWN_EXTENSION_IDS = new Set(SPECS.map((spec) => spec.id));

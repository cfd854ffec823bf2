import { createHash } from 'node:crypto';

/**
 * STIX ids for entities that have none of their own: `<type>--<uuidv5 of the entity id>`, so the
 * same entity gets the same STIX id in every export (RFC 4122 name-based UUID, SHA-1).
 */

/** The namespace of attribution-graph's name-based UUIDs: uuidv5(RFC 4122 URL namespace, "https://github.com/attribution-graph/"). */
export const ATTRIBUTION_GRAPH_NAMESPACE = '7e0d4b8d-ac34-5a74-888c-6cbb799a931b';

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`"${uuid}" is not a UUID`);
  return Buffer.from(hex, 'hex');
}

export function uuidv5(name: string, namespace: string = ATTRIBUTION_GRAPH_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function deterministicStixId(stixType: string, name: string): string {
  return `${stixType}--${uuidv5(name)}`;
}

/** STIX identifiers are `<type>--<UUID>`; the type part must be the object's type. */
export const STIX_ID_PATTERN = /^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function stixTypeOfId(id: string): string | null {
  const match = STIX_ID_PATTERN.exec(id);
  return match ? match[1]! : null;
}

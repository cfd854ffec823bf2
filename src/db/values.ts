import neo4j from 'neo4j-driver';

/**
 * Turns what the driver returns into plain JSON-friendly values: integers become numbers (or
 * strings beyond 2^53, which never occur in counts or ids we mint), temporal values become ISO
 * strings, nodes and relationships become their property maps.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans, then plain lists and maps, are most of what a read returns: they
  // are answered before the driver's type checks, which cost up to ten property lookups per value
  // (on a 2-hop neighbourhood, thousands of values, they were 8% of the API's CPU).
  if (typeof value !== 'object') {
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    return value;
  }
  // Lists and maps are the driver's own, made for this record alone: converted where they are, not
  // copied (a copy of every map of a 2-hop neighbourhood was a third of what its answer allocated).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return plainMap({ ...(value.properties as Record<string, unknown>) });
  }
  return plainMap({ ...(value as Record<string, unknown>) });
}

/** Converts a map's values in place. */
function plainMap(value: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(value)) value[key] = toPlain(value[key]);
  return value;
}

/** A YYYY-MM-DD string as a Neo4j DATE parameter (a plain string would not compare with stored dates). */
export function toNeo4jDate(iso: string): unknown {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}

/**
 * Turns a snapshot's plain properties back into stored types: the model's date properties
 * (…On, …End, knownSince) into DATEs and its timestamps into DATETIMEs. Used when restoring an
 * entity from the audit trail, so that a restored entity compares and filters like any other.
 */
export function reviveProperties(props: Record<string, unknown>): Record<string, unknown> {
  const revived: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'string' && (/(On|End)$/.test(key) || key === 'knownSince') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      revived[key] = toNeo4jDate(value);
    } else if (typeof value === 'string' && (key === 'createdAt' || key === 'updatedAt')) {
      revived[key] = neo4j.types.DateTime.fromStandardDate(new Date(value));
    } else {
      revived[key] = value;
    }
  }
  return revived;
}

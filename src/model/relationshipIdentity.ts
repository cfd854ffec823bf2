/**
 * What tells one relationship from every other: its type, its two ends and its key (several claims
 * of one type between the same two entities differ by key). The export derives persistent STIX ids
 * from this string, so it must never change.
 */
export function relationshipIdentity(rel: { type: unknown; from: unknown; to: unknown; key: unknown }): string {
  return `${String(rel.type)}|${String(rel.from)}|${String(rel.to)}|${String(rel.key)}`;
}

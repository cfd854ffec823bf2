import { createHash } from 'node:crypto';

/**
 * Content hashes of changeset entries: the graph keeps each entry's hash, so re-applying the same
 * content is recognised and counted as unchanged instead of written again.
 */

/**
 * Stable JSON (sorted keys, undefined members left out), so the same content always hashes alike.
 * The graph stores these hashes: the output must stay byte for byte what it has been (a list item
 * that is undefined is written as nothing, as Array.join writes it). Written as loops over string
 * concatenation because a re-import hashes every object of the file: the former map/filter/sort/join
 * version was a tenth of a re-import's time.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item = canonical(value[i]) as string | undefined;
      if (item !== undefined) out += item;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonical(member)}`;
  }
  return `${out}}`;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

import { nameKey } from '../../model/names.js';
import { clean, splitOutside } from './values.js';

/**
 * EuRepoC writes an initiator as its names joined by "/", an ATT&CK group id among them, a note on
 * who stands behind it in parentheses, and the larger group it belongs to after "<":
 *
 *   APT31/ZIRCONIUM/BRONZE VINEWOOD/G0128
 *   APT41/BARIUM/Wicked Panda/G0096 (Chengdu 404 Network Technology) < Winnti Umbrella/G0044
 *
 * This turns such a text into the names of ONE actor, its ATT&CK ids, the note and the parent.
 */

export interface InitiatorName {
  /** The first name: the actor's display name. */
  name: string;
  /** Every name, the first one included, as written (duplicates by name key removed). */
  names: string[];
  /** ATT&CK group ids (G0128) the text gives. */
  attackIds: string[];
  /** The parenthesised note after an alias list: "MSS, Tianjin State Security Bureau". */
  note: string | null;
  /** The text after "<" (or "-->"): the group EuRepoC places the actor in. */
  partOf: string | null;
}

const ATTACK_ID = /\b(?:Group\s+)?(G\d{4})\b/g;

/** A trailing "(…)" with balanced parentheses, and the text before it. */
function trailingNote(text: string): { head: string; note: string | null } {
  if (!text.endsWith(')')) return { head: text, note: null };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (text[i] === ')') depth += 1;
    else if (text[i] === '(') {
      depth -= 1;
      if (depth === 0) return { head: text.slice(0, i).trim(), note: text.slice(i + 1, -1).trim() };
    }
  }
  return { head: text, note: null };
}

export function parseInitiatorName(raw: string): InitiatorName | null {
  const text = clean(raw);
  const [own = '', ...parents] = splitOutside(text, '<').flatMap((part) => splitOutside(part, '-->'));
  const parts = splitOutside(own, '/').map(clean);
  let note: string | null = null;
  // A note in parentheses at the end of an alias list says who is behind the whole list; a single
  // name keeps its parentheses ("Ministry of Intelligence and Security (MOIS; Iran)").
  if (parts.length > 1) {
    const last = trailingNote(parts[parts.length - 1]!);
    parts[parts.length - 1] = last.head;
    note = last.note;
  }
  const attackIds: string[] = [];
  const names: string[] = [];
  const keys = new Set<string>();
  for (const part of parts) {
    for (const match of part.matchAll(ATTACK_ID)) if (!attackIds.includes(match[1]!)) attackIds.push(match[1]!);
    // "DEV-0157, Group G0047": the id leaves the name.
    const name = clean(part.replace(ATTACK_ID, '').replace(/^[\s,]+|[\s,]+$/g, ''));
    const key = nameKey(name);
    if (key === '' || keys.has(key)) continue;
    keys.add(key);
    names.push(name);
  }
  if (names.length === 0) return null;
  const partOf = parents.length > 0 ? clean(parents.join(' < ')) : null;
  return { name: names[0]!, names, attackIds, note, partOf: partOf === '' ? null : partOf };
}

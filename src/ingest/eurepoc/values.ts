import { parsePartialDate, type PartialDate } from '../../model/partialDate.js';

/**
 * The messy cell values of the EuRepoC CSV: the several spellings of "no value", `; `-separated
 * columns whose n-th items belong together, Python-style list literals written by pandas, and
 * dates with and without a time part. Pure functions, no knowledge of the columns' meaning.
 */

/** Cell texts that mean "no value" (pandas writes nan, NaT and None for its missing values). */
const MISSING = new Set(['', 'not available', 'unknown', 'none', 'nan', 'nat', 'n/a']);

export function isMissing(text: string | null | undefined): boolean {
  return value(text) === null;
}

const MESSY_SPACE = /[\s\u00a0]{2,}|[\t\n\r\u00a0]|^\s|\s$/;

/** Non-breaking and repeated spaces as one space, trimmed: EuRepoC's names carry both. */
export function clean(text: string): string {
  return MESSY_SPACE.test(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text;
}

/** The value, or null when it is one of the spellings of "no value". */
export function value(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const cleaned = clean(text);
  return cleaned.length <= 13 && MISSING.has(cleaned.toLowerCase()) ? null : cleaned;
}

/**
 * Splits on a separator outside brackets: "CNIIHM; a.k.a. ЦНИИХМ" inside parentheses belongs to one
 * item, and so does "FSB, 16th / 18th Center".
 */
export function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A `; `-separated column as its items by position; an empty cell has no items. Each item is kept
 * as text or null (missing), so that the n-th item still lines up with the n-th of the other columns.
 */
export function alignedItems(text: string): Array<string | null> {
  if (text.trim() === '') return [];
  return splitOutside(text, ';').map((item) => value(item));
}

export type PyValue = string | number | boolean | null | PyValue[];

const WORD = /None|True|False|nan|-?\d+(?:\.\d+)?/y;

export class LiteralError extends Error {
  override name = 'LiteralError';
}

/**
 * Parses a Python literal of lists, strings, numbers, True/False/None and nan, as pandas writes
 * them (`['Poland', 'Lithuania']`, `[['NATO', 'NORTHAM']]`, `["Korea, Democratic People's Republic of"]`).
 * A parser, not an evaluator: anything else (names, calls, operators) is an error.
 */
export function parsePythonLiteral(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new LiteralError(
      `${what} at character ${i + 1} of ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`,
    );
  };
  const space = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i += 1;
  };
  const parseString = (): string => {
    const quote = text[i]!;
    i += 1;
    const end = text.indexOf(quote, i);
    const escape = text.indexOf('\\', i);
    if (end >= 0 && (escape < 0 || escape > end)) {
      const plain = text.slice(i, end);
      i = end + 1;
      return plain;
    }
    let out = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') {
        const next = text[i + 1];
        if (next === undefined) fail('an unfinished escape');
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
        if (next === 'x' || next === 'u') {
          const length = next === 'x' ? 2 : 4;
          const hex = text.slice(i + 2, i + 2 + length);
          if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) fail('a malformed escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 2 + length;
          continue;
        }
        out += escapes[next!] ?? `\\${next}`;
        i += 2;
        continue;
      }
      out += text[i];
      i += 1;
    }
    if (i >= text.length) fail('an unterminated string');
    i += 1;
    return out;
  };
  const parseValue = (): PyValue => {
    space();
    const char = text[i];
    if (char === undefined) return fail('a missing value');
    if (char === '[') {
      i += 1;
      const items: PyValue[] = [];
      space();
      if (text[i] === ']') {
        i += 1;
        return items;
      }
      for (;;) {
        items.push(parseValue());
        space();
        if (text[i] === ',') {
          i += 1;
          space();
          if (text[i] === ']') {
            i += 1;
            return items;
          }
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return items;
        }
        return fail('expected "," or "]"');
      }
    }
    if (char === "'" || char === '"') return parseString();
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word === null) return fail('not a list, string, number, True, False or None');
    i += word[0].length;
    if (word[0] === 'None' || word[0] === 'nan') return null;
    if (word[0] === 'True' || word[0] === 'False') return word[0] === 'True';
    return Number(word[0]);
  };
  const result = parseValue();
  space();
  if (i < text.length) fail('unexpected text after the value');
  return result;
}

/** A list-literal column as a list of items (each a text or null), or [] for an empty cell. */
export function literalList(text: string): PyValue[] {
  if (text.trim() === '') return [];
  const parsed = parsePythonLiteral(text);
  if (!Array.isArray(parsed)) throw new LiteralError(`expected a list, got ${JSON.stringify(text.slice(0, 80))}`);
  return parsed;
}

/** An item of a parsed list as text, or null when it is missing (None, 'Not available', …). */
export function textOf(item: PyValue | undefined): string | null {
  if (item === undefined || item === null) return null;
  if (typeof item === 'string') return value(item);
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  return null;
}

/** The texts of an item that is itself a list (a receiver's names, its categories), missing ones left out. */
export function textsOf(item: PyValue | undefined): string[] {
  if (item === undefined || item === null) return [];
  const list = Array.isArray(item) ? item : [item];
  return list.map(textOf).filter((text): text is string => text !== null);
}

/**
 * A EuRepoC date: "2021-01-01", "2021-01-01 00:00:00" (a midnight time part adds nothing), or a
 * missing value; the precision is the one the text gives. Returns an error message otherwise.
 */
export function eurepocDate(text: string | null): PartialDate | null | string {
  if (text === null) return null;
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[ T]00:00(?::00(?:\.0+)?)?)?$/.exec(text.trim());
  if (match === null) return `"${text}" is not a date`;
  return parsePartialDate(match[1]!);
}

/** Distinct values, first occurrence first. */
export function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

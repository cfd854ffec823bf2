import { gunzipSync } from 'node:zlib';
import { FIELD_LIMITS } from '../model/limits.js';
import { ChangesetError } from '../write/changeset.js';
import type { ImportedDocument, ImportedObject } from './imported.js';

/**
 * What an import file may cost before anything is parsed, and what each object may hold: a small
 * gzip that inflates to gigabytes, or JSON nested deeper than any real bundle, is refused with a
 * message that names the limit and its setting (docs/import-export.md, "Size limits"), before it
 * can exhaust the process's memory or stack.
 */

export interface ImportLimits {
  /** Largest file accepted, after gzip inflation, in bytes (IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** Deepest nesting of JSON arrays and objects accepted (IMPORT_MAX_DEPTH). */
  maxDepth: number;
  /**
   * Files with more objects and links than this are written in batches of their own transactions,
   * staged out of sight, then switched in by one last transaction (src/write/staging.ts), so that
   * they fit the database's transaction memory (IMPORT_STAGE_ABOVE).
   */
  stageAbove: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 256 * 1024 * 1024, maxDepth: 100, stageAbove: 50_000 };

/** A file refused whole, named by itself. */
export function refuse(origin: string, message: string): ChangesetError {
  return new ChangesetError(origin, [{ at: origin, message }]);
}

/** The refusal of a file larger than the limit, whether read whole or as a stream. */
export function tooLarge(origin: string, limits: ImportLimits, gzipped: boolean): ChangesetError {
  return refuse(
    origin,
    `is larger than ${limits.maxBytes.toLocaleString('en')} bytes${gzipped ? ' once inflated' : ''} (IMPORT_MAX_BYTES)`,
  );
}

/** The file's bytes, inflated if gzipped, never more than the limit (zlib stops at it). */
export function boundedBytes(origin: string, bytes: Buffer, limits: ImportLimits): Buffer {
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzipped) {
    if (bytes.length > limits.maxBytes) throw tooLarge(origin, limits, gzipped);
    return bytes;
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: limits.maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(origin, limits, gzipped);
    throw refuse(origin, `is not a readable gzip file: ${(error as Error).message}`);
  }
}

/**
 * Refuses JSON nested deeper than the limit, by one pass over the bytes that skips strings: the
 * parser's recursion would otherwise overflow the stack on a hostile file.
 */
export function checkNesting(origin: string, bytes: Buffer, limits: ImportLimits): void {
  let depth = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte === 0x22) i = stringEnd(bytes, i);
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > limits.maxDepth) {
        throw refuse(origin, `nests arrays and objects deeper than ${limits.maxDepth} levels at byte ${i} (IMPORT_MAX_DEPTH)`);
      }
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}

/**
 * The position of the quote that closes the string opened at `open` (or the end of the bytes): a
 * quote closes it unless an odd number of backslashes precede it. Found with indexOf, because most
 * of a STIX file's bytes are inside strings (descriptions) and a byte-by-byte walk of them was most
 * of this check's time.
 */
function stringEnd(bytes: Buffer, open: number): number {
  let quote = bytes.indexOf(0x22, open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = bytes.indexOf(0x22, quote + 1);
  }
  return bytes.length;
}

/**
 * The field limits of mutations, for imports: a name longer than a mutation may write is cut to the
 * limit (ending in "…") with a warning, the name as given kept in `nameAsGiven`, because the object
 * and its links matter more than the tail of its name (EuRepoC names a few issuing bodies by a whole
 * sentence); an object whose description is longer is skipped with a warning. Both name the object
 * by its position in the file.
 */
export function withinFieldLimits(document: ImportedDocument): ImportedDocument {
  const kept: ImportedObject[] = [];
  for (const object of document.objects) {
    // A web page cited as a Source is named by its URL, which may be as long as a URL may.
    const nameLimit = object.kind === 'Source' ? FIELD_LIMITS.url : FIELD_LIMITS.name;
    if (object.description !== null && object.description.length > FIELD_LIMITS.description) {
      document.warnings.push(
        `${object.at}: description holds ${object.description.length.toLocaleString('en')} characters, more than the ${FIELD_LIMITS.description.toLocaleString('en')} a description may; the object was skipped`,
      );
      continue;
    }
    if (object.name.length > nameLimit) {
      document.warnings.push(
        `${object.at}: name holds ${object.name.length.toLocaleString('en')} characters, more than the ${nameLimit.toLocaleString('en')} a name may; it was cut to ${nameLimit.toLocaleString('en')} and kept whole as nameAsGiven`,
      );
      kept.push({
        ...object,
        name: `${object.name.slice(0, nameLimit - 1)}…`,
        names: object.names.filter((name) => name.name.length <= nameLimit),
        props: { ...object.props, nameAsGiven: object.name },
      });
      continue;
    }
    kept.push(object);
  }
  return { ...document, objects: kept };
}

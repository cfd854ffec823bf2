import { gunzipSync } from 'node:zlib';
import { FIELD_LIMITS } from '../model/limits.js';
import { ChangesetError } from '../write/changeset.js';
import type { ImportedDocument } from './imported.js';

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
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 256 * 1024 * 1024, maxDepth: 100 };

function refuse(origin: string, message: string): ChangesetError {
  return new ChangesetError(origin, [{ at: origin, message }]);
}

/** The file's bytes, inflated if gzipped, never more than the limit (zlib stops at it). */
export function boundedBytes(origin: string, bytes: Buffer, limits: ImportLimits): Buffer {
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tooLarge = `is larger than ${limits.maxBytes.toLocaleString('en')} bytes${gzipped ? ' once inflated' : ''} (IMPORT_MAX_BYTES)`;
  if (!gzipped) {
    if (bytes.length > limits.maxBytes) throw refuse(origin, tooLarge);
    return bytes;
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: limits.maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw refuse(origin, tooLarge);
    throw refuse(origin, `is not a readable gzip file: ${(error as Error).message}`);
  }
}

/**
 * Refuses JSON nested deeper than the limit, by one pass over the bytes that skips strings: the
 * parser's recursion would otherwise overflow the stack on a hostile file.
 */
export function checkNesting(origin: string, bytes: Buffer, limits: ImportLimits): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === 0x5c)
        i += 1; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > limits.maxDepth) {
        throw refuse(origin, `nests arrays and objects deeper than ${limits.maxDepth} levels at byte ${i} (IMPORT_MAX_DEPTH)`);
      }
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}

/**
 * Objects whose name or description is longer than a mutation may write are skipped, each with a
 * warning naming it by its position in the file: the graph holds one set of field limits, whoever
 * writes. Relationships to a skipped object are then skipped as dangling, each named too.
 */
export function withinFieldLimits(document: ImportedDocument): ImportedDocument {
  const kept = document.objects.filter((object) => {
    // A web page cited as a Source is named by its URL, which may be as long as a URL may.
    const nameLimit = object.kind === 'Source' ? FIELD_LIMITS.url : FIELD_LIMITS.name;
    const problem =
      object.name.length > nameLimit
        ? `name holds ${object.name.length.toLocaleString('en')} characters, more than the ${nameLimit.toLocaleString('en')} a name may`
        : object.description !== null && object.description.length > FIELD_LIMITS.description
          ? `description holds ${object.description.length.toLocaleString('en')} characters, more than the ${FIELD_LIMITS.description.toLocaleString('en')} a description may`
          : null;
    if (problem !== null) document.warnings.push(`${object.at}: ${problem}; the object was skipped`);
    return problem === null;
  });
  return kept.length === document.objects.length ? document : { ...document, objects: kept };
}

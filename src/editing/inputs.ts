import { randomBytes } from 'node:crypto';
import { badUserInput } from '../errors.js';
import type { Citation } from '../model/citations.js';
import { FIELD_LIMITS } from '../model/limits.js';
import { nameKey } from '../model/names.js';
import { parsePartialDate, type PartialDate } from '../model/partialDate.js';

/**
 * Checks of mutation inputs that GraphQL's types cannot express: lengths, URLs, dates with their
 * precision, confidence ranges, id syntax. Each failure is BAD_USER_INPUT naming the field.
 */

export const LIMITS = FIELD_LIMITS;

export function text(field: string, value: string | null | undefined, max: number, required = false): string | null {
  if (value === null || value === undefined) {
    if (required) throw badUserInput(field, 'is required');
    return null;
  }
  if (required && value.trim() === '') throw badUserInput(field, 'must not be empty');
  if (value.length > max) throw badUserInput(field, `must be at most ${max} characters (got ${value.length})`);
  return value;
}

export function url(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  text(field, value, FIELD_LIMITS.url);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badUserInput(field, `"${value.slice(0, 100)}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badUserInput(field, 'must be an http or https URL');
  return value;
}

export function partialDate(field: string, value: string | null | undefined, required = false): PartialDate | null {
  if (value === null || value === undefined) {
    if (required) throw badUserInput(field, 'is required');
    return null;
  }
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') throw badUserInput(field, parsed);
  return parsed;
}

export function confidence(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 100)
    throw badUserInput(field, `must be a whole number from 0 to 100, got ${value}`);
  return value;
}

export function isoCode(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^[A-Z]{2}$/.test(value))
    throw badUserInput(field, `must be a two-letter ISO 3166-1 code such as CZ, got "${value.slice(0, 20)}"`);
  return value;
}

export function positive(field: string, value: number | null | undefined, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(field, `must be a whole number from 1 to ${max}`);
  return value;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,299}$/;

export function entityId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!ID_PATTERN.test(value)) {
    throw badUserInput(field, 'must be 1 to 300 letters, digits and : . _ - (starting with a letter or digit)');
  }
  return value;
}

/** An id for a new entity: its kind's prefix, its name, and a random suffix so that names may repeat. */
export function newId(prefix: string, name: string): string {
  const slug = nameKey(name).slice(0, 60) || 'entity';
  return `${prefix}:${slug}-${randomBytes(4).toString('hex')}`;
}

export interface CitationArg {
  sourceId: string;
  quote?: string | null;
}

export function citations(field: string, list: readonly CitationArg[] | null | undefined, required: boolean): Citation[] {
  const items = list ?? [];
  if (required && items.length === 0) throw badUserInput(field, 'must cite at least one source');
  return items.map((item, index) => ({
    sourceId: item.sourceId,
    quote: text(`${field}[${index}].quote`, item.quote, LIMITS.quote),
  }));
}

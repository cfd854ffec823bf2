import type { DatePrecision } from './vocabulary.js';

/**
 * A date known to a year, a month or a day ("in 2022", "in late March", "on Wednesday"). Stored as
 * the first day of the period plus its precision, so ranges compare as dates and nothing is invented.
 */
export interface PartialDate {
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "2022", "2024-03" or "2025-05-28"; returns an error message naming the problem otherwise. */
export function parsePartialDate(text: string): PartialDate | string {
  const match = PATTERN.exec(text.trim());
  if (!match) return `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const [, year, month, day] = match;
  const m = month === undefined ? 1 : Number(month);
  const d = day === undefined ? 1 : Number(day);
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `"${text}" is not a calendar date`;
  }
  return {
    start: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    precision: day !== undefined ? 'DAY' : month !== undefined ? 'MONTH' : 'YEAR',
  };
}

/** The date as its source gave it: "2022", "2024-03" or "2025-05-28". */
export function formatPartialDate(start: string, precision: DatePrecision): string {
  return precision === 'YEAR' ? start.slice(0, 4) : precision === 'MONTH' ? start.slice(0, 7) : start.slice(0, 10);
}

/** The last day of the period, for "is this within a range" tests. */
export function partialDateEnd(date: PartialDate): string {
  const [year, month] = date.start.split('-').map(Number) as [number, number];
  if (date.precision === 'DAY') return date.start;
  if (date.precision === 'YEAR') return `${year}-12-31`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.start.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** A JSON object read from outside (a data file, an imported bundle) before it is checked. */
export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

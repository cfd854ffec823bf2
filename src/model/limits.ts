/**
 * The longest texts the graph holds, whoever writes them: mutations refuse a longer field
 * (src/editing/inputs.ts), imports skip the object that carries one (src/ingest/bounds.ts).
 */
export const FIELD_LIMITS = { name: 300, description: 10_000, quote: 5_000, reason: 2_000, short: 300, url: 2_000 } as const;

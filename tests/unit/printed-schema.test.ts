import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINTED_SCHEMA_FILE, printedSchema } from '../../src/graphql/schema.js';

// Clients generate their types from schema.graphql: it must be what schema/*.graphql prints.
describe('schema.graphql', () => {
  it('is in the repository and current (npm run schema:print)', () => {
    expect(fs.existsSync(PRINTED_SCHEMA_FILE)).toBe(true);
    expect(fs.readFileSync(PRINTED_SCHEMA_FILE, 'utf8') === printedSchema()).toBe(true);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { applyChangeset } from '../../src/write/apply.js';
import { testDatabase } from '../support/database.js';
import { refusalToClear } from '../support/guard.js';

// With NEO4J_URI the suite clears a database only if it is empty or marked as the suite's own.
// Test files clear the database mid-run (admin/delete-all); the marker must survive that, or the
// next run refuses its own scratch database.
const db = testDatabase();
afterAll(() => db.close());

const source = {
  id: 'guard-test:source',
  kind: 'Source' as const,
  name: 'A source',
  description: null,
  props: {},
  dates: {},
  aliases: [],
  citations: [],
};

describe('the test-database guard', () => {
  it('keeps its marker when the data is cleared, so that the next run may clear it again', async () => {
    await db.write('admin/test-marker-set');
    await applyChangeset(db, { origin: 'guard test', entities: [source], relationships: [] });
    await db.autoCommit('admin/delete-all');
    const [state] = await db.read<{ nodeCount: number; marked: boolean }>('admin/test-marker-check');
    expect(state).toEqual({ nodeCount: 1, marked: true });
    // Data written after the clear, as the next test file writes it, still leaves the database the suite's.
    await applyChangeset(db, { origin: 'guard test', entities: [source], relationships: [] });
    expect(await refusalToClear(db, 'bolt://scratch.example:7687')).toBeNull();
    await db.autoCommit('admin/delete-all');
  });

  it('refuses a database that holds data it did not mark', async () => {
    await db.autoCommit('admin/delete-all');
    await db.write('admin/test-marker-delete');
    try {
      await applyChangeset(db, { origin: 'guard test', entities: [source], relationships: [] });
      expect(await refusalToClear(db, 'bolt://scratch.example:7687')).toMatch(
        /^NEO4J_URI \(bolt:\/\/scratch\.example:7687\) holds 1 nodes that no test run created/,
      );
      // The embedded server the suite starts itself is always its own.
      expect(await refusalToClear(db, undefined)).toBeNull();
    } finally {
      await db.autoCommit('admin/delete-all');
      await db.write('admin/test-marker-set');
    }
  });
});

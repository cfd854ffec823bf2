import type { Database } from '../../src/db/database.js';

/**
 * Why the test suite must not clear the database NEO4J_URI names, or null when it may: it may clear
 * the embedded server it started itself, an empty database, and one an earlier test run marked as
 * its scratch database (cypher/admin/test-marker-set.cypher; admin/delete-all keeps the marker).
 */
export async function refusalToClear(db: Database, externalUri: string | undefined): Promise<string | null> {
  if (externalUri === undefined) return null;
  const [state] = await db.read<{ nodeCount: number; marked: boolean }>('admin/test-marker-check');
  if (state === undefined || state.nodeCount === 0 || state.marked) return null;
  return `NEO4J_URI (${externalUri}) holds ${state.nodeCount} nodes that no test run created; the tests clear their database, so point them at a scratch database.`;
}

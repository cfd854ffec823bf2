import type { Database } from '../db/database.js';
import { applyChangesetInTransaction, APPLY_TIMEOUT_MS, type ApplyReport } from '../write/apply.js';
import { reconcileActors } from './reconcileActors.js';
import { readSeedFile, seedFiles } from './seed.js';

/**
 * Applies every seed/*.yaml file, each in its own transaction, through the import write path; then,
 * in that transaction, brings the actors to what all statements decide, as an import does: a seed
 * loaded after ATT&CK or MISP joins their APT31 at once, not at the next import.
 */
export async function seedGraph(db: Database, files: string[] = seedFiles()): Promise<ApplyReport[]> {
  const reports: ApplyReport[] = [];
  for (const file of files) {
    const changeset = readSeedFile(file);
    const seeder = { keyId: null, name: `seed ${changeset.origin}`, role: null };
    reports.push(
      await db.writeTransaction(
        `apply ${changeset.origin}`,
        async (tx) => {
          const report = await applyChangesetInTransaction(tx, changeset);
          await reconcileActors(tx, seeder);
          return report;
        },
        APPLY_TIMEOUT_MS,
      ),
    );
  }
  return reports;
}

/** At the first start (an empty graph), load the seed; later starts leave the graph as it is. */
export async function seedIfEmpty(db: Database): Promise<ApplyReport[] | null> {
  const [row] = await db.read<{ count: number }>('write/entity-count');
  return row !== undefined && row.count > 0 ? null : seedGraph(db);
}

import type { Database } from '../db/database.js';
import { applyChangeset, type ApplyReport } from '../write/apply.js';
import { readSeedFile, seedFiles } from './seed.js';

/** Applies every seed/*.yaml file, each in its own transaction, through the import write path. */
export async function seedGraph(db: Database, files: string[] = seedFiles()): Promise<ApplyReport[]> {
  const reports: ApplyReport[] = [];
  for (const file of files) reports.push(await applyChangeset(db, readSeedFile(file)));
  return reports;
}

/** At the first start (an empty graph), load the seed; later starts leave the graph as it is. */
export async function seedIfEmpty(db: Database): Promise<ApplyReport[] | null> {
  const [row] = await db.read<{ count: number }>('write/entity-count');
  return row !== undefined && row.count > 0 ? null : seedGraph(db);
}

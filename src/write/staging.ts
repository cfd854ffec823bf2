import { batches, WRITE_BATCH } from '../db/batches.js';
import type { Database } from '../db/database.js';
import { relationshipIdentity } from '../model/relationshipIdentity.js';
import { APPLY_TIMEOUT_MS } from './apply.js';
import { ChangesetError, type Changeset } from './changeset.js';
import { lookupExisting, publicationDates } from './existing.js';
import { relationshipRow, statementRow } from './rows.js';
import { referencedIds, validateChangeset } from './validate.js';

/**
 * A file too large for one transaction of the database's memory is written in two stages, so that it
 * still lands whole or not at all:
 *
 * 1. here, the entities it creates and the relationships between them are written in batches, each
 *    in its own transaction, as StagedEntity nodes that no read matches (every read starts from
 *    Entity or a kind label);
 * 2. then the import's one last transaction resolves and applies the file as always, except that an
 *    entity it would create that was staged is switched in (labelled Entity and its kind) instead
 *    of written (src/write/apply.ts).
 *
 * Whatever the run staged and did not switch in, the importer discards (cypher/staging/discard.cypher),
 * after a failure or when the graph changed between the stages. The last transaction then holds
 * only label changes for the staged part, and the changes to entities the graph held before.
 */

export interface StagedRun {
  /** The import run's id, on every node it staged (stagedBy). */
  run: string;
  entityIds: ReadonlySet<string>;
  /** Identities (src/model/relationshipIdentity.ts) of the relationships staged between them. */
  relationships: ReadonlySet<string>;
}

export type StagingProgress = (done: number, total: number) => void;

/**
 * Stages what the changeset creates: entities stated by an import that the graph does not hold, and
 * the changeset's relationships between two of them. The changeset is validated first, so that a
 * defective file is refused before anything is written.
 */
export async function stageChangeset(
  db: Database,
  changeset: Changeset,
  run: string,
  onProgress?: StagingProgress,
): Promise<StagedRun> {
  const { creates, published } = await db.readTransaction(
    `plan ${changeset.origin}`,
    async (tx) => {
      const existing = await lookupExisting(tx, referencedIds(changeset));
      const problems = validateChangeset(changeset, existing.kinds);
      if (problems.length > 0) throw new ChangesetError(changeset.origin, problems);
      return {
        creates: changeset.entities.filter((entity) => entity.statement !== undefined && !existing.kinds.has(entity.id)),
        published: publicationDates(changeset, existing),
      };
    },
    APPLY_TIMEOUT_MS,
  );
  const entityIds = new Set(creates.map((entity) => entity.id));
  const relationships = changeset.relationships.filter((rel) => entityIds.has(rel.from) && entityIds.has(rel.to));
  const total = creates.length + relationships.length;
  let done = 0;
  // One batch per transaction: each stays as small as the write statements' batches make it.
  for (const batch of batches(creates, WRITE_BATCH)) {
    const rows = batch.map((entity) => statementRow(entity, published));
    await db.writeTransaction(`stage ${changeset.origin}`, (tx) =>
      tx.run('write/create-stated-entities', { stagedBy: run, rows }),
    );
    onProgress?.((done += batch.length), total);
  }
  for (const batch of batches(relationships, WRITE_BATCH)) {
    const rows = batch.map((rel) => relationshipRow(rel, published));
    await db.writeTransaction(
      `stage ${changeset.origin}`,
      (tx) => tx.run('staging/create-relationships', { run, rows }),
      APPLY_TIMEOUT_MS,
    );
    onProgress?.((done += batch.length), total);
  }
  return { run, entityIds, relationships: new Set(relationships.map(relationshipIdentity)) };
}

/** Removes the staging marks from the entities the run switched in, once its last transaction committed. */
export async function tidyStaged(db: Database, staged: StagedRun): Promise<void> {
  for (const ids of batches([...staged.entityIds], WRITE_BATCH)) {
    await db.writeTransaction(
      `tidy ${staged.run}`,
      (tx) => tx.run('staging/tidy-entities', { run: staged.run, ids }),
      APPLY_TIMEOUT_MS,
    );
  }
}

/** Deletes what the run staged and did not switch in, and what runs killed a day ago or more left. */
export async function discardStaged(db: Database, run: string): Promise<void> {
  await db.autoCommit('staging/discard', { run });
}

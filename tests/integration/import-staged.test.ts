import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { connect, type Connection } from '../../src/db/connect.js';
import { DEFAULT_IMPORT_LIMITS } from '../../src/ingest/bounds.js';
import { importData, type ImportInput } from '../../src/ingest/importData.js';
import { createLogger } from '../../src/logger.js';

// A file larger than one transaction of the database's memory: written in one transaction it is
// refused by Neo4j's transaction memory limit with an error naming the cause; staged in batches
// (IMPORT_STAGE_ABOVE) it lands whole, and a failure in its last transaction leaves nothing behind.
// Its own embedded server (own home and port) with a small per-transaction limit, so that a file of
// thousands of objects, not hundreds of thousands, shows it.
const PORT = Number(process.env.NEO4J_STAGING_TEST_PORT ?? 7718);
const HOME = path.join(PROJECT_ROOT, '.neo4j/staging-test');

const MALWARE = 12_000;
const LINKS = 6_000;

function bundle(): ImportInput {
  const id = (i: number): string => `malware--00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const objects: object[] = [];
  for (let i = 0; i < MALWARE; i += 1) {
    objects.push({
      type: 'malware',
      spec_version: '2.1',
      id: id(i),
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      name: `staged malware ${i}`,
      is_family: true,
    });
  }
  for (let i = 0; i < LINKS; i += 1) {
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      relationship_type: 'related-to',
      source_ref: id(i),
      target_ref: id(i + 1),
    });
  }
  const text = JSON.stringify({ type: 'bundle', id: 'bundle--00000000-0000-4000-8000-000000000001', objects });
  return { name: 'many-small-objects.json', bytes: Buffer.from(text) };
}

let connection: Connection;
const input = bundle();

async function counts(): Promise<{ entities: number; staged: number; relationships: number }> {
  const [row] = await connection.db.read<{ entities: number; staged: number; relationships: number }>('admin/node-counts');
  return row!;
}

beforeAll(async () => {
  const config = loadConfig({
    NEO4J_URI: '',
    NEO4J_EMBEDDED_HOME: HOME,
    NEO4J_EMBEDDED_PORT: String(PORT),
    NEO4J_EMBEDDED_HEAP: '768m',
    NEO4J_EMBEDDED_PAGECACHE: '128m',
    NEO4J_EMBEDDED_TX_MEMORY: '48m',
    NEO4J_START_TIMEOUT_MS: '240000',
  });
  // A fresh store each run: deleting a past run's thousands of nodes would itself need more than
  // the 48 MB this server lets one transaction hold.
  fs.rmSync(path.join(HOME, 'data'), { recursive: true, force: true });
  connection = await connect(config.neo4j, createLogger('silent'));
}, 300_000);

afterAll(async () => {
  await connection?.close();
});

describe('a file larger than one transaction of the database allows', () => {
  it('in one transaction, is refused with an error that names the memory limit and IMPORT_STAGE_ABOVE, and writes nothing', async () => {
    const refused = importData(connection.db, input, { limits: { ...DEFAULT_IMPORT_LIMITS, stageAbove: 1_000_000 } });
    await expect(refused).rejects.toThrow(/more memory in one transaction than the database allows.*IMPORT_STAGE_ABOVE/s);
    expect(await counts()).toEqual({ entities: 0, staged: 0, relationships: 0 });
  }, 300_000);

  it('when its last transaction fails, leaves the graph as it was: nothing visible, nothing staged', async () => {
    let stagingDone = false;
    const failing = importData(connection.db, input, {
      limits: { ...DEFAULT_IMPORT_LIMITS, stageAbove: 1_000 },
      onProgress: (done, total) => {
        // The staging reports its own progress first; the last transaction's starts again from 0.
        if (done === total) stagingDone = true;
        else if (stagingDone && done > 5_000) throw new Error('stopped in the last transaction');
      },
    });
    await expect(failing).rejects.toThrow(/stopped in the last transaction/);
    expect(await counts()).toEqual({ entities: 0, staged: 0, relationships: 0 });
  }, 300_000);

  it('staged in batches, lands whole, and imported again changes nothing', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, stageAbove: 1_000 };
    const report = await importData(connection.db, input, { limits });
    expect(report.apply.entities.Malware).toEqual({ created: MALWARE, updated: 0, unchanged: 0 });
    expect(report.apply.relationships.RELATED_TO).toEqual({ created: LINKS, updated: 0, unchanged: 0 });
    // The Source of the file is an entity too.
    expect(await counts()).toEqual({ entities: MALWARE + 1, staged: 0, relationships: LINKS });

    const again = await importData(connection.db, input, { limits });
    expect(again.unchanged).toBe(true);
    expect(again.apply.entities.Malware).toEqual({ created: 0, updated: 0, unchanged: MALWARE });
    expect(await counts()).toEqual({ entities: MALWARE + 1, staged: 0, relationships: LINKS });
  }, 300_000);
});

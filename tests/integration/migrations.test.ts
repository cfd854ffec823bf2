import { afterAll, describe, expect, it } from 'vitest';
import { schemaStatements } from '../../src/db/statements.js';
import { testDatabase } from '../support/database.js';

const db = testDatabase();
afterAll(() => db.close());

describe('schema migrations', () => {
  it('are applied at start-up, online, and can be applied again without change', async () => {
    const before = await db.read<{ name: string; state: string }>('admin/schema-objects');
    const applied = await db.migrate();
    const after = await db.read<{ name: string; state: string }>('admin/schema-objects');
    expect(applied).toEqual(schemaStatements(db.statements).map(([name]) => name));
    expect(after).toEqual(before);
    const names = after.map((index) => index.name);
    expect(names).toEqual(expect.arrayContaining(['entity_id', 'entity_name_key', 'entity_search']));
    for (const index of after) expect(index.state, index.name).toBe('ONLINE');
  });

  it('every statement in cypher/ parses on the real server (EXPLAIN)', async () => {
    for (const [name] of db.statements) {
      if (name.startsWith('schema/') || name.startsWith('admin/')) continue;
      await expect(db.explain(name), name).resolves.toBeUndefined();
    }
  });
});

import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';

/** A Database on the test run's Neo4j (started by globalSetup). Close it in afterAll. */
export function testDatabase(): Database {
  const settings = inject('neo4j');
  return new Database({
    uri: settings.uri,
    user: settings.user,
    password: settings.password,
    database: settings.database ?? undefined,
    transactionTimeoutMs: 30_000,
    logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  });
}

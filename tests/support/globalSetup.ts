import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { connect, type Connection } from '../../src/db/connect.js';
import { createLogger } from '../../src/logger.js';
import { refusalToClear } from './guard.js';

/**
 * Starts one Neo4j for the whole run (the embedded server in .neo4j/test on port 7688, or the
 * server NEO4J_URI names), applies the schema and clears the data, then stops it at the end.
 *
 * An external database is cleared only if it is empty or marked by an earlier test run, so that
 * pointing NEO4J_URI at a database with real data stops the run instead of wiping it.
 */

export interface TestDatabaseSettings {
  uri: string;
  user: string;
  password: string;
  database: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestDatabaseSettings;
  }
}

let connection: Connection | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig({
    NEO4J_EMBEDDED_HOME: '.neo4j/test',
    NEO4J_EMBEDDED_PORT: '7688',
    NEO4J_EMBEDDED_HEAP: '1g',
    NEO4J_EMBEDDED_PAGECACHE: '512m',
    ...process.env,
  });
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  connection = await connect(config.neo4j, logger);
  const refusal = await refusalToClear(connection.db, config.neo4j.uri);
  if (refusal !== null) {
    await connection.close();
    throw new Error(refusal);
  }
  await connection.db.autoCommit('admin/delete-all');
  await connection.db.write('admin/test-marker-set');
  project.provide('neo4j', {
    uri: config.neo4j.uri ?? connection.embedded!.uri,
    user: config.neo4j.uri === undefined ? 'neo4j' : config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database ?? null,
  });
}

export async function teardown(): Promise<void> {
  await connection?.close();
}

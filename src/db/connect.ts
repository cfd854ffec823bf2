import type { Neo4jConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { Database } from './database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.js';

export interface Connection {
  db: Database;
  /** Set when this process started the embedded server. */
  embedded: EmbeddedNeo4j | undefined;
  /** False when the embedded server died and its supervisor gave up restarting it. */
  live(): boolean;
  /** Closes the driver, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/** The configured Neo4j (NEO4J_URI), or the embedded one started now; schema applied either way. */
export async function connect(config: Neo4jConfig, logger: Logger): Promise<Connection> {
  const embedded = config.uri === undefined ? await startEmbeddedNeo4j(config.embedded, config.password, logger) : undefined;
  const db = new Database({
    uri: config.uri ?? embedded!.uri,
    user: config.uri === undefined ? 'neo4j' : config.user,
    password: config.password,
    database: config.database,
    transactionTimeoutMs: config.transactionTimeoutMs,
    logger,
  });
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    live: () => embedded?.state() !== 'failed',
    close: async () => {
      await db.close();
      await embedded?.stop();
    },
  };
}

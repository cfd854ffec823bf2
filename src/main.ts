import { ConfigError, loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { EmbeddedNeo4jError } from './db/embedded.js';
import { formatReport } from './ingest/report.js';
import { seedIfEmpty } from './ingest/seedGraph.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** `npm start`: the database (embedded unless NEO4J_URI is set), the schema, then the HTTP API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const connection = await connect(config.neo4j, logger);
  const seeded = await seedIfEmpty(connection.db);
  for (const report of seeded ?? []) logger.info({ seed: report.origin }, formatReport(report));
  const server = await startServer(
    { db: connection.db, logger, api: config.api, live: connection.live },
    { port: config.port, host: config.host },
  );

  let shuttingDown = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests, then stopping the database');
    try {
      await server.stop();
      await connection.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  logger.info({ url: server.url }, 'GraphQL API ready');
  // The one line a person starting the API looks for, outside the JSON log.
  process.stderr.write(`\nattribution-graph GraphQL API ready at ${server.url}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedNeo4jError) {
    process.stderr.write(`attribution-graph: ${error.message}\n`);
  } else {
    process.stderr.write(`attribution-graph failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

// The API over a Neo4j of its own that goes away and comes back: fast SERVICE_UNAVAILABLE answers
// while it is gone, not ready on /health/ready, and recovery without restarting the API.
const config = loadConfig({
  NEO4J_EMBEDDED_HOME: path.join(PROJECT_ROOT, '.neo4j/outage-test'),
  NEO4J_EMBEDDED_PORT: '7698',
  NEO4J_EMBEDDED_HEAP: '512m',
  NEO4J_EMBEDDED_PAGECACHE: '128m',
});
const logger = createLogger('silent');
let neo4j: EmbeddedNeo4j | undefined;
let db: Database | undefined;
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await neo4j?.stop();
});

async function ask(): Promise<{
  status: number;
  body: { data?: unknown; errors?: Array<{ extensions: { code: string } }> };
  ms: number;
}> {
  const started = Date.now();
  const response = await fetch(server!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ health { nodeCount } }' }),
  });
  return { status: response.status, body: (await response.json()) as never, ms: Date.now() - started };
}

async function ready(): Promise<number> {
  return (await fetch(server!.url.replace('/graphql', '/health/ready'))).status;
}

describe('when Neo4j goes away', () => {
  it('answers SERVICE_UNAVAILABLE quickly, reports not ready, and recovers by itself', async () => {
    neo4j = await startEmbeddedNeo4j(config.neo4j.embedded, config.neo4j.password, logger);
    db = new Database({
      uri: neo4j.uri,
      user: 'neo4j',
      password: config.neo4j.password,
      database: undefined,
      transactionTimeoutMs: 30_000,
      logger,
    });
    server = await startServer({ db, logger }, { port: 0, host: '127.0.0.1' });
    // A freshly created database on a busy machine can be slow to answer its very first query.
    await db.ping();
    expect((await ask()).body.errors).toBeUndefined();
    expect(await ready()).toBe(200);

    await neo4j.stop();
    const down = await ask();
    expect(down.body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    // Not a timing benchmark: a guard against hanging until some client gives up.
    expect(down.ms).toBeLessThan(10_000);
    expect(await ready()).toBe(503);

    neo4j = await startEmbeddedNeo4j(config.neo4j.embedded, config.neo4j.password, logger);
    let recovered = await ask();
    for (let attempt = 0; attempt < 20 && recovered.body.errors; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      recovered = await ask();
    }
    expect(recovered.body.errors).toBeUndefined();
    expect(await ready()).toBe(200);
  }, 240_000);
});

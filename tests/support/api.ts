import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type ApiConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { seedGraph } from '../../src/ingest/seedGraph.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabase } from './database.js';

export interface TestApi {
  server: RunningServer;
  db: Database;
  /** POSTs a GraphQL operation to /graphql and returns the parsed JSON body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions: Record<string, unknown> }>; status: number }>;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real HTTP API on a free port, over the test run's Neo4j; `api` overrides the default access rules and limits. */
export async function startTestApi(api: Partial<ApiConfig> = {}): Promise<TestApi> {
  const db = testDatabase();
  const server = await startServer(
    { db, logger: createLogger('silent'), api: { ...loadConfig({}).api, ...api } },
    { port: 0, host: '127.0.0.1' },
  );
  const baseUrl = `http://127.0.0.1:${server.port}`;
  return {
    server,
    db,
    baseUrl,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Record<string, unknown>;
      return { ...body, status: response.status } as never;
    },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * For a test file: the API over the test database with the seed loaded, started before the file's
 * tests and closed after them. Call the returned function inside tests to reach it.
 */
export function useSeededApi(api: Partial<ApiConfig> = {}): () => TestApi {
  let testApi: TestApi | undefined;
  beforeAll(async () => {
    testApi = await startTestApi(api);
    await seedGraph(testApi.db);
  });
  afterAll(async () => {
    await testApi?.close();
  });
  return () => {
    if (testApi === undefined) throw new Error('useSeededApi: the API is reached only inside tests');
    return testApi;
  };
}

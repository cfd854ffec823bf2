import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Database } from './db/database.js';
import type { ErrorCode } from './errors.js';
import type { Context } from './graphql/context.js';
import { createLoaders } from './graphql/loaders.js';
import { buildResolvers } from './graphql/resolvers/index.js';
import { loadTypeDefs } from './graphql/schema.js';
import type { Logger } from './logger.js';

export interface ServerOptions {
  db: Database;
  logger: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  /** Stops accepting requests, lets in-flight ones finish, then closes. */
  stop(): Promise<void>;
}

const CLIENT_CODES = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
]);
// Apollo's own codes for requests it rejects before resolvers run.
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given !== undefined && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/** One log line per GraphQL request: operation, duration, outcome. */
function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, contextValue: context, response }) {
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              (error.extensions as Record<string, unknown> | undefined) ??= {};
              Object.assign(error.extensions as Record<string, unknown>, { requestId: context.requestId });
            }
          }
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          context.logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round(durationMs * 100) / 100,
              outcome: codes.length === 0 ? 'ok' : 'error',
              ...(codes.length > 0 ? { errorCodes: [...new Set(codes)] } : {}),
            },
            'graphql request',
          );
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE') {
              contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, error.message);
            }
          }
        },
      };
    },
  };
}

/** Internal details never reach clients (the request log plugin adds the request id to quote). */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const known = CLIENT_CODES.has(code as ErrorCode) || APOLLO_CLIENT_CODES.has(code);
  const extensions: Record<string, unknown> = { ...(formatted.extensions ?? {}), code };
  delete extensions.stacktrace;
  return {
    message: known ? formatted.message : 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: known ? extensions : { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export function createApollo(httpServer: http.Server | undefined): ApolloServer<Context> {
  const plugins: ApolloServerPlugin<Context>[] = [requestLogPlugin(), ApolloServerPluginLandingPageDisabled()];
  if (httpServer !== undefined) plugins.push(ApolloServerPluginDrainHttpServer({ httpServer }));
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    plugins,
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns the signals: it drains HTTP first, then closes the driver and the database.
    stopOnTerminationSignals: false,
    formatError,
  });
}

export async function startServer(
  options: ServerOptions,
  listen: { port: number; host: string },
): Promise<RunningServer> {
  const { db, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = createApollo(httpServer);
  await apollo.start();

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await db.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        return { db, requestId, logger: logger.child({ requestId }), loaders: createLoaders(db) };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = listen.host === '0.0.0.0' || listen.host === '127.0.0.1' ? 'localhost' : listen.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    apollo,
    stop: () => apollo.stop(),
  };
}

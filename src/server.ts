import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import { authenticate, presentedKey } from './auth/apiKeys.js';
import { KeyBackoff } from './auth/keyBackoff.js';
import type { Principal } from './auth/principal.js';
import { loadConfig, type ApiConfig } from './config.js';
import type { Database } from './db/database.js';
import { apiError } from './errors.js';
import type { Context } from './graphql/context.js';
import { authorizePlugin } from './graphql/authorize.js';
import { costLimitPlugin } from './graphql/cost.js';
import { formatError } from './graphql/errors.js';
import { httpStatusPlugin } from './graphql/httpStatus.js';
import { createLoaders } from './graphql/loaders.js';
import { buildResolvers } from './graphql/resolvers/index.js';
import { loadTypeDefs } from './graphql/schema.js';
import { httpCachePlugin } from './http/cacheHeaders.js';
import { corsMiddleware } from './http/cors.js';
import { persistedQuerySetup } from './http/persistedQueries.js';
import { securityHeaders } from './http/securityHeaders.js';
import type { Logger } from './logger.js';
import { registerWebRoutes } from './web/routes.js';

export interface ServerOptions {
  db: Database;
  logger: Logger;
  /** Access rules and abuse limits; the defaults of loadConfig() when omitted. */
  api?: ApiConfig;
  /** False when the process cannot recover by itself (its embedded Neo4j is gone for good): /health/live fails. */
  live?: () => boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  apollo: ApolloServer<Context>;
  /** Stops accepting requests, lets in-flight ones finish, then closes. */
  stop(): Promise<void>;
}

/**
 * The caller behind a presented key, unless its client has had too many keys refused lately: then
 * 429 with Retry-After, without looking the key up. Requests without a key are never held back.
 */
function keyAuthenticator(db: Database, logger: Logger, api: ApiConfig) {
  const backoff = new KeyBackoff(api.keyBackoff);
  return async (req: Request, requestId: string): Promise<Principal> => {
    const key = presentedKey(req.header('authorization'), req.header('x-api-key'));
    if (key === undefined) return authenticate(db, key);
    // req.ip follows the trust proxy setting (TRUST_PROXY); without it, the socket's address.
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const waitMs = backoff.waitMs(client);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw apiError('TOO_MANY_REQUESTS', `Too many refused API keys from this client; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
        requestId,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
      });
    }
    try {
      const principal = await authenticate(db, key);
      backoff.succeeded(client);
      return principal;
    } catch (error) {
      if ((error as { extensions?: { code?: unknown } }).extensions?.code === 'UNAUTHENTICATED') {
        const delayMs = backoff.failed(client);
        if (delayMs > 0) logger.warn({ client, delayMs, requestId }, 'API keys refused repeatedly; the client must wait');
      }
      throw error;
    }
  };
}

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

export function createApollo(httpServer: http.Server | undefined, api: ApiConfig): ApolloServer<Context> {
  // Depth, aliases, tokens and cost are checked before anything runs. "Did you mean …" suggestions
  // help while the schema is open to introspection; with introspection off they would leak it.
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: !api.introspection },
    maxDepth: { n: api.maxDepth },
    maxAliases: { n: api.maxAliases },
    // graphql-armor counts tokens in a hook that may not throw (a refusal became HTTP 500); graphql's
    // own parser counts them instead (parseOptions below), and a refusal is a parse error, HTTP 400.
    maxTokens: { enabled: false },
    // graphql-armor's cost rule reads literals only; ./graphql/cost.ts computes it with the variables.
    costLimit: { enabled: false },
  }).protect();
  const persisted = persistedQuerySetup(api);
  const plugins: ApolloServerPlugin<Context>[] = [
    requestLogPlugin(),
    authorizePlugin(),
    httpStatusPlugin(),
    costLimitPlugin(api.maxCost),
    ApolloServerPluginLandingPageDisabled(),
    ...(armor.plugins as ApolloServerPlugin<Context>[]),
    ...persisted.plugins,
    // Cache headers are set by httpCachePlugin alone (GET queries only), not by field hints.
    ApolloServerPluginCacheControlDisabled(),
    httpCachePlugin(api.httpCacheMaxAgeSeconds, api.requireKeyForReads),
  ];
  if (httpServer !== undefined) plugins.push(ApolloServerPluginDrainHttpServer({ httpServer }));
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    plugins,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    persistedQueries: persisted.persistedQueries,
    parseOptions: { maxTokens: api.maxTokens },
    introspection: api.introspection,
    hideSchemaDetailsFromClientErrors: !api.introspection,
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns the signals: it drains HTTP first, then closes the driver and the database.
    stopOnTerminationSignals: false,
    formatError,
  });
}

export async function startServer(options: ServerOptions, listen: { port: number; host: string }): Promise<RunningServer> {
  const { db, logger } = options;
  const api = options.api ?? loadConfig({}).api;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', api.trustProxy);
  app.use(securityHeaders());
  const httpServer = http.createServer(app);
  const apollo = createApollo(httpServer, api);
  await apollo.start();
  const principalOf = keyAuthenticator(db, logger, api);

  if (api.playground) registerWebRoutes(app, logger);
  app.get('/health/live', (_req, res) => {
    const live = options.live?.() ?? true;
    res.status(live ? 200 : 503).json({ status: live ? 'live' : 'the embedded database could not be restarted' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ready = await db.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.use(
    '/graphql',
    corsMiddleware(api.corsOrigins),
    express.json({ limit: api.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const principal = await principalOf(req, requestId);
        if (api.requireKeyForReads && principal.role === null) {
          throw apiError('UNAUTHENTICATED', 'This API requires an API key for every request (Authorization: Bearer <key>).', {
            http: { status: 401 },
          });
        }
        return { db, requestId, principal, logger: logger.child({ requestId }), loaders: createLoaders(db) };
      },
    }),
  );
  // Body-parser failures (too large, not JSON) answer in the API's error model, not as HTML.
  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? 500;
    const message =
      error.type === 'entity.too.large'
        ? `The request body is larger than the limit of ${api.bodyLimitBytes} bytes.`
        : status < 500
          ? `The request could not be read: ${error.message}`
          : 'Internal server error';
    if (status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    res.status(status).json({
      errors: [
        { message, extensions: { code: status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR', requestId: requestIdOf(req) } },
      ],
    });
  });

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

import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeyBackoffConfig } from './auth/keyBackoff.js';

/** The Neo4j version the embedded server and docker-compose.yml run; the launcher's pom pins the same. */
export const NEO4J_VERSION = '5.26.30';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface EmbeddedNeo4jConfig {
  /** Directory holding the server's data, logs and generated neo4j.conf. */
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /** Most memory one transaction may hold (db.memory.transaction.max); null leaves Neo4j's default, no limit per transaction. */
  transactionMemory: string | null;
  startTimeoutMs: number;
  /** APOC core on the classpath: only the benchmark's database, for the @neo4j/graphql peer. */
  apoc: boolean;
}

export interface Neo4jConfig {
  /** Set when an existing server is to be used; undefined means "start the embedded one". */
  uri: string | undefined;
  user: string;
  password: string;
  database: string | undefined;
  /** Upper bound for any one transaction, enforced by the server. */
  transactionTimeoutMs: number;
  embedded: EmbeddedNeo4jConfig;
}

/** Who may do what, and the abuse limits every operation is held to. */
export interface ApiConfig {
  /** Reads are open unless this is set; writes always need an editor key. */
  requireKeyForReads: boolean;
  /** Schema introspection (and so the playground's documentation); turn off in production if wanted. */
  introspection: boolean;
  /** The GraphiQL playground and the graph view. */
  playground: boolean;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /**
   * Origins (scheme://host[:port]) whose pages may call the API from a browser; empty means the
   * API's own origin only, ['*'] any origin (refused when reads need a key).
   */
  corsOrigins: string[];
  /**
   * apq: automatic persisted queries (a client may send a query's SHA-256 instead of its text);
   * allowlist: only the registered operations run; off: every request carries its query text.
   */
  persistedQueries: 'apq' | 'allowlist' | 'off';
  /** The operations allowlist mode runs: manifest files, or undefined for docs/queries/*.graphql. */
  persistedQueryManifests: string[] | undefined;
  /** max-age of a successful query over GET, in seconds; 0 sends no-store. */
  httpCacheMaxAgeSeconds: number;
  /** How a client that presents wrong API keys is slowed down (src/auth/keyBackoff.ts). */
  keyBackoff: KeyBackoffConfig;
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For is believed when telling clients apart.
   * false: the socket's address; a number: that many proxies in front; a list: those addresses or subnets.
   */
  trustProxy: false | number | string[];
}

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  neo4j: Neo4jConfig;
  api: ApiConfig;
}

/** Password the embedded server is given when NEO4J_PASSWORD is unset; it only ever listens on 127.0.0.1. */
export const EMBEDDED_DEFAULT_PASSWORD = 'attribution-graph-local';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) {
    throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${raw}"`);
  }
  return raw.toLowerCase();
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** CORS_ORIGINS: a comma-separated list of origins, or *; each origin exactly as browsers send it. */
function corsOrigins(env: Env, requireKeyForReads: boolean): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (raw === undefined || raw === '') return [];
  if (raw === '*') {
    if (requireKeyForReads) {
      throw new ConfigError(
        "CORS_ORIGINS=* is refused while AUTH_REQUIRE_KEY_FOR_READS=true: any web page could then call the API with its visitors' keys; list the origins instead",
      );
    }
    return ['*'];
  }
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // Browsers send the origin without a path or a trailing slash; anything else would never match.
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins such as https://app.example.org or http://localhost:3000 (no path, no trailing slash) or be *, got "${origin}"`,
      );
    }
  }
  return [...new Set(origins)];
}

/**
 * TRUST_PROXY: unset or false, a number of proxies, or a comma-separated list of proxy addresses,
 * subnets or Express's names for them. `true` is refused: any client could then claim any address
 * in X-Forwarded-For and escape the key backoff.
 */
function trustProxy(env: Env): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || /^(false|0|no|off)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    if (!named && (rest.length > 0 || isIP(address ?? '') === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits)))) {
      throw new ConfigError(
        `TRUST_PROXY must be false, a number of proxies, or a list of proxy addresses or subnets (such as loopback, 10.0.0.0/8), got "${entry}"`,
      );
    }
  }
  return entries;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

function paths(env: Env, name: string): string[] | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  return raw
    .split(',')
    .map((file) => file.trim())
    .filter((file) => file !== '')
    .map((file) => path.resolve(file));
}

/** Bounds on an import file (docs/import-export.md, "Size limits"). */
export function importLimits(env: Env = process.env): { maxBytes: number; maxDepth: number; stageAbove: number } {
  return {
    maxBytes: integer(env, 'IMPORT_MAX_BYTES', 256 * 1024 * 1024, 1024, 8 * 1024 * 1024 * 1024),
    maxDepth: integer(env, 'IMPORT_MAX_DEPTH', 100, 8, 10_000),
    stageAbove: integer(env, 'IMPORT_STAGE_ABOVE', 50_000, 1, 100_000_000),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const uri = env.NEO4J_URI === '' ? undefined : env.NEO4J_URI;
  if (uri !== undefined && !/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/.test(uri)) {
    throw new ConfigError(`NEO4J_URI must be a neo4j:// or bolt:// URI (optionally +s or +ssc), got "${uri}"`);
  }
  const password = env.NEO4J_PASSWORD || (uri === undefined ? EMBEDDED_DEFAULT_PASSWORD : '');
  if (uri === undefined && password.length < 8) {
    throw new ConfigError('NEO4J_PASSWORD must have at least 8 characters for the embedded Neo4j');
  }
  const requireKeyForReads = flag(env, 'AUTH_REQUIRE_KEY_FOR_READS', false);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    api: {
      requireKeyForReads,
      introspection: flag(env, 'GRAPHQL_INTROSPECTION', true),
      playground: flag(env, 'PLAYGROUND', true),
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 1, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 1000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2000, 10, 100_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 200_000, 10, 10_000_000),
      bodyLimitBytes: integer(env, 'HTTP_BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
      corsOrigins: corsOrigins(env, requireKeyForReads),
      persistedQueries: oneOf(env, 'PERSISTED_QUERIES', ['apq', 'allowlist', 'off'] as const, 'apq'),
      persistedQueryManifests: paths(env, 'PERSISTED_QUERIES_MANIFEST'),
      httpCacheMaxAgeSeconds: integer(env, 'HTTP_CACHE_MAX_AGE_SECONDS', 60, 0, 86_400),
      keyBackoff: {
        failuresBeforeBackoff: integer(env, 'AUTH_KEY_FAILURES_BEFORE_BACKOFF', 5, 1, 1000),
        baseDelayMs: integer(env, 'AUTH_KEY_BACKOFF_BASE_MS', 1000, 1, 3_600_000),
        maxDelayMs: integer(env, 'AUTH_KEY_BACKOFF_MAX_MS', 300_000, 1, 86_400_000),
        resetAfterMs: integer(env, 'AUTH_KEY_BACKOFF_RESET_MS', 900_000, 1000, 86_400_000),
        maxClients: integer(env, 'AUTH_KEY_BACKOFF_MAX_CLIENTS', 10_000, 1, 10_000_000),
      },
      trustProxy: trustProxy(env),
    },
    neo4j: {
      uri,
      user: env.NEO4J_USER || 'neo4j',
      password,
      database: env.NEO4J_DATABASE || undefined,
      transactionTimeoutMs: integer(env, 'NEO4J_TX_TIMEOUT_MS', 15000, 100, 3_600_000),
      embedded: {
        home: path.resolve(PROJECT_ROOT, env.NEO4J_EMBEDDED_HOME || '.neo4j/server'),
        boltPort: integer(env, 'NEO4J_EMBEDDED_PORT', 7687, 1, 65535),
        heap: memorySize(env, 'NEO4J_EMBEDDED_HEAP', '2g'),
        pageCache: memorySize(env, 'NEO4J_EMBEDDED_PAGECACHE', '1g'),
        transactionMemory: env.NEO4J_EMBEDDED_TX_MEMORY ? memorySize(env, 'NEO4J_EMBEDDED_TX_MEMORY', '') : null,
        startTimeoutMs: integer(env, 'NEO4J_START_TIMEOUT_MS', 180_000, 1000, 3_600_000),
        apoc: flag(env, 'NEO4J_EMBEDDED_APOC', false),
      },
    },
  };
}

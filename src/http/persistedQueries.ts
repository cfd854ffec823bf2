import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, PersistedQueryOptions } from '@apollo/server';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { parse, type DocumentNode } from 'graphql';
import { ConfigError, PROJECT_ROOT, type ApiConfig } from '../config.js';
import { apiError } from '../errors.js';
import type { Context } from '../graphql/context.js';

/**
 * Persisted queries. In the default mode (apq) Apollo's automatic persisted queries let a client
 * send a query's SHA-256 instead of its text once the API has seen the text. In allowlist mode,
 * for a locked-down production API, only registered operations run: those of manifest files
 * (PERSISTED_QUERIES_MANIFEST: graphql-codegen's persisted-documents.json, Apollo's persisted query
 * manifest, or .graphql files), or of docs/queries when none is given. An operation counts as
 * registered when it is the same document up to formatting and field order (both sides are printed
 * the way graphql-codegen prints persisted documents), so a client may send the hash or the text.
 */

export const DEFAULT_MANIFEST_DIR = path.join(PROJECT_ROOT, 'docs/queries');

/** A manifest that cannot be read stops the start, like any other configuration error. */
export class ManifestError extends ConfigError {
  override name = 'ManifestError';
}

export interface RegisteredOperations {
  /** Operation text by hash: the SHA-256 of the text, and a manifest's own id for it. */
  byHash: Map<string, string>;
  /** SHA-256 of each registered document's canonical print. */
  canonical: Set<string>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash a document is registered under: formatting, comments and field order do not count. */
export function canonicalHash(document: DocumentNode): string {
  return sha256(printExecutableGraphQLDocument(document));
}

/** The operations of one manifest file: [id or null, text] pairs. */
function readManifest(file: string): Array<[string | null, string]> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ManifestError(`PERSISTED_QUERIES_MANIFEST: cannot read ${file}: ${(error as Error).message}`);
  }
  if (file.endsWith('.graphql') || file.endsWith('.gql')) return [[null, text]];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestError(`PERSISTED_QUERIES_MANIFEST: ${file} is neither JSON nor a .graphql file`);
  }
  if (json !== null && typeof json === 'object' && 'operations' in json && Array.isArray(json.operations)) {
    // Apollo's persisted query manifest: { format, version, operations: [{ id, name, type, body }] }.
    return json.operations.map((operation: unknown, index: number): [string | null, string] => {
      const { id, body } = (operation ?? {}) as { id?: unknown; body?: unknown };
      if (typeof body !== 'string')
        throw new ManifestError(`PERSISTED_QUERIES_MANIFEST: ${file}: operations[${index}] has no body`);
      return [typeof id === 'string' ? id : null, body];
    });
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    // graphql-codegen's client preset: { "<hash>": "<document>" }.
    return Object.entries(json).map(([id, body]): [string | null, string] => {
      if (typeof body !== 'string') throw new ManifestError(`PERSISTED_QUERIES_MANIFEST: ${file}: "${id}" is not a document`);
      return [id, body];
    });
  }
  throw new ManifestError(`PERSISTED_QUERIES_MANIFEST: ${file} is not a persisted query manifest`);
}

export function loadRegisteredOperations(files: string[] | undefined): RegisteredOperations {
  const sources =
    files ??
    fs
      .readdirSync(DEFAULT_MANIFEST_DIR)
      .filter((file) => file.endsWith('.graphql'))
      .sort()
      .map((file) => path.join(DEFAULT_MANIFEST_DIR, file));
  const registered: RegisteredOperations = { byHash: new Map(), canonical: new Set() };
  for (const file of sources) {
    for (const [id, body] of readManifest(file)) {
      let document: DocumentNode;
      try {
        document = parse(body);
      } catch (error) {
        throw new ManifestError(
          `PERSISTED_QUERIES_MANIFEST: ${file}: ${id ?? 'the document'} does not parse: ${(error as Error).message}`,
        );
      }
      registered.canonical.add(canonicalHash(document));
      registered.byHash.set(sha256(body), body);
      if (id !== null) registered.byHash.set(id.replace(/^sha256:/, ''), body);
    }
  }
  return registered;
}

/** Apollo's APQ store in allowlist mode: answers registered hashes, and learns nothing new. */
function registeredOnlyCache(registered: RegisteredOperations): NonNullable<PersistedQueryOptions['cache']> {
  return {
    // Apollo prefixes its keys (apq:<hash>).
    get: async (key) => registered.byHash.get(key.replace(/^apq:/, '')),
    set: async () => undefined,
    delete: async () => undefined,
  };
}

/** Refuses every operation that is not registered, before it runs. */
function allowListPlugin(registered: RegisteredOperations): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          if (!registered.canonical.has(canonicalHash(document))) {
            throw apiError(
              'BAD_USER_INPUT',
              'This API runs only registered operations (PERSISTED_QUERIES=allowlist), and this one is not registered.',
              { reason: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}

/** The ApolloServer options and plugins of the configured mode. */
export function persistedQuerySetup(api: Pick<ApiConfig, 'persistedQueries' | 'persistedQueryManifests'>): {
  persistedQueries: PersistedQueryOptions | false;
  plugins: ApolloServerPlugin<Context>[];
} {
  if (api.persistedQueries === 'off') return { persistedQueries: false, plugins: [] };
  if (api.persistedQueries === 'apq') return { persistedQueries: {}, plugins: [] };
  const registered = loadRegisteredOperations(api.persistedQueryManifests);
  return { persistedQueries: { cache: registeredOnlyCache(registered) }, plugins: [allowListPlugin(registered)] };
}

/** Apollo's own persisted-query refusals that carry no code: the client's to fix, like the others. */
const APOLLO_PERSISTED_QUERY_REFUSALS = new Map([
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
]);

/** The reason to report for an Apollo persisted-query refusal without a code, if the message is one. */
export function persistedQueryRefusal(message: string): string | undefined {
  return APOLLO_PERSISTED_QUERY_REFUSALS.get(message);
}

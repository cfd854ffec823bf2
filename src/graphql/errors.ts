import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { apiError, type ErrorCode } from '../errors.js';
import { ExportError } from '../export/stix.js';
import { ChangesetError } from '../write/changeset.js';
import { persistedQueryRefusal } from '../http/persistedQueries.js';

/**
 * The API's error model in one place: which errors of the layers below become which API errors,
 * and what of an error reaches the client.
 */

const CLIENT_CODES = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);
// Apollo's own codes for requests it rejects before resolvers run (syntax, validation, the abuse
// limits): all the client's to fix, so all BAD_USER_INPUT, with Apollo's code kept as the reason.
const APOLLO_CLIENT_CODES = new Set([
  'PERSISTED_QUERY_HASH_MISMATCH',
  'PERSISTED_QUERY_VERSION_UNSUPPORTED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Internal details never reach clients (the request log plugin adds the request id to quote). */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  // Apollo gives its code-less persisted-query refusals INTERNAL_SERVER_ERROR; they are the client's.
  const original = persistedQueryRefusal(formatted.message) ?? String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const fromApollo = APOLLO_CLIENT_CODES.has(original);
  const code = fromApollo ? 'BAD_USER_INPUT' : original;
  const known = CLIENT_CODES.has(code as ErrorCode);
  const extensions: Record<string, unknown> = { ...(formatted.extensions ?? {}), code };
  if (fromApollo) extensions.reason = original;
  delete extensions.stacktrace;
  delete extensions.http;
  return {
    message: known ? formatted.message : 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: known ? extensions : { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The one place where the errors of the layers below the API become the API's errors: a refused
 * changeset (a malformed import, a mutation the write path refuses) and a refused export selection
 * are BAD_USER_INPUT. Every root field's resolver goes through it (src/graphql/resolvers/index.ts).
 */
export function toApiError(error: unknown): unknown {
  if (error instanceof GraphQLError) return error;
  if (error instanceof ChangesetError) {
    return apiError('BAD_USER_INPUT', error.message, { problems: error.problems.slice(0, 100) }, error);
  }
  if (error instanceof ExportError) return apiError('BAD_USER_INPUT', error.message, {}, error);
  return error;
}

type Resolver = (...args: unknown[]) => unknown;

/** A resolver whose domain errors, thrown or rejected, reach the client as API errors. */
export function mappingDomainErrors(resolver: Resolver): Resolver {
  return (...args) => {
    try {
      const result = resolver(...args);
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw toApiError(error);
          })
        : result;
    } catch (error) {
      throw toApiError(error);
    }
  };
}

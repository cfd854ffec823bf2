import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

/**
 * HTTP statuses that say what went wrong, for clients and proxies that look only at the status:
 * 503 with Retry-After whenever the database was unavailable (the request may succeed later), and
 * when no data came back, the status of the first error's code. Partial data stays 200, as GraphQL
 * over HTTP has it.
 */
const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};
export const RETRY_AFTER_SECONDS = 5;

export function httpStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (errors === undefined || errors.length === 0) return;
          const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          let status: number | undefined;
          if (codes.includes('SERVICE_UNAVAILABLE')) status = 503;
          else if (data === null || data === undefined) status = STATUS_BY_CODE[codes[0]!];
          if (status === undefined) return;
          // Apollo's 405 (a mutation over GET) says more than 400: keep it.
          if (response.http.status === 405) return;
          response.http.status = status;
          if (status === 503) response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

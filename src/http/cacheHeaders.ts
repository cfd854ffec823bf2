import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.js';

/**
 * HTTP caching of safe reads: a successful query sent over GET (Apollo refuses mutations over GET,
 * and its CSRF prevention asks GETs for a preflight header) may be cached for maxAge seconds —
 * by shared caches when reads are open and the caller presented no key, by the caller alone
 * otherwise. Everything else, POSTs and errors included, is no-store. Express adds an ETag, so a
 * client revalidating with If-None-Match gets 304 when the answer has not changed.
 */
export function httpCachePlugin(maxAgeSeconds: number, readsNeedKey: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, contextValue }) {
          const cacheable =
            maxAgeSeconds > 0 &&
            request.http?.method === 'GET' &&
            operation?.operation === 'query' &&
            response.body.kind === 'single' &&
            (response.body.singleResult.errors ?? []).length === 0;
          if (!cacheable) {
            response.http.headers.set('cache-control', 'no-store');
            return;
          }
          const shared = !readsNeedKey && contextValue.principal.role === null;
          response.http.headers.set('cache-control', `${shared ? 'public' : 'private'}, max-age=${maxAgeSeconds}`);
        },
      };
    },
  };
}

import { authorizationHeader } from './apiKey.js';

/** POSTs one GraphQL operation to the API that served the page, with the session's API key if one was given. */
export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * A traversal the database stopped at its time limit (SERVICE_UNAVAILABLE, reason TIMEOUT) is asked
 * once more: on a busy server the second try usually finds its plan cached and its pages in memory.
 */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  try {
    return await graphqlOnce<T>(query, variables);
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    return graphqlOnce<T>(query, variables);
  }
}

class TimeoutError extends Error {}

async function graphqlOnce<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader() },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as GraphQLResult<T>;
  if (result.errors?.length) {
    if (result.errors.some((error) => error.extensions?.reason === 'TIMEOUT')) {
      throw new TimeoutError(result.errors.map((error) => error.message).join('; '));
    }
    const needsKey = result.errors.some((error) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(error.extensions?.code)));
    const message = result.errors.map((error) => error.message).join('; ');
    throw new Error(needsKey ? `${message} (enter an API key in the key field)` : message);
  }
  if (!result.data) throw new Error(`The API answered ${response.status} without data`);
  return result.data;
}

import { authorizationHeader } from './apiKey.js';

/** POSTs one GraphQL operation to the API that served the page, with the session's API key if one was given. */
export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader() },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as GraphQLResult<T>;
  if (result.errors?.length) {
    const needsKey = result.errors.some((error) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(error.extensions?.code)));
    const message = result.errors.map((error) => error.message).join('; ');
    throw new Error(needsKey ? `${message} (enter an API key in the key field)` : message);
  }
  if (!result.data) throw new Error(`The API answered ${response.status} without data`);
  return result.data;
}

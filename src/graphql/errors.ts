import { GraphQLError } from 'graphql';
import { apiError } from '../errors.js';
import { ExportError } from '../export/stix.js';
import { ChangesetError } from '../write/changeset.js';

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

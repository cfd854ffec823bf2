import { GraphQLError } from 'graphql';

/** The API's error codes, carried in extensions.code. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** `cause` is kept as originalError for the log; formatError never sends it to clients. */
export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  cause?: unknown,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...extensions, code },
    ...(cause instanceof Error ? { originalError: cause } : {}),
  });
}

export function badUserInput(argument: string, message: string): GraphQLError {
  return apiError('BAD_USER_INPUT', `${argument}: ${message}`, { argument });
}

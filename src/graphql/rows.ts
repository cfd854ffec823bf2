/**
 * What resolvers receive as their parent: rows as the data-access layer returns them.
 * graphql-codegen's mappers (codegen.ts) bind GraphQL types to these.
 */

/** Health is resolved lazily: each field asks the database only when selected. */
export type HealthRow = Record<string, never>;

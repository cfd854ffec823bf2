import type { Resolvers } from '../../generated/graphql.js';
import { mappingDomainErrors } from '../errors.js';
import { healthResolvers } from './health.js';
import { importResolvers } from './import.js';
import { modelResolvers } from './model.js';
import { mutationResolvers } from './mutations.js';
import { statisticsResolvers } from './statistics.js';
import { relayResolvers } from './relay.js';
import { traversalResolvers } from './traversal.js';

/** The operation types: their fields are where a request enters the layers below the API. */
const ROOT_TYPES = new Set(['Query', 'Mutation']);

/**
 * Every domain's resolvers, merged one level deep (type name, then field); the root fields map
 * domain errors to API errors (src/graphql/errors.ts).
 */
export function buildResolvers(): Resolvers {
  const parts: Resolvers[] = [
    healthResolvers,
    modelResolvers,
    traversalResolvers,
    mutationResolvers,
    importResolvers,
    statisticsResolvers,
    relayResolvers,
  ];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [typeName, fields] of Object.entries(part)) {
      const own = Object.entries(fields as Record<string, unknown>).map(([field, resolver]) => [
        field,
        ROOT_TYPES.has(typeName) && typeof resolver === 'function' ? mappingDomainErrors(resolver as never) : resolver,
      ]);
      merged[typeName] = { ...(merged[typeName] ?? {}), ...Object.fromEntries(own) };
    }
  }
  return merged as Resolvers;
}

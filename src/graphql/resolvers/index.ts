import type { Resolvers } from '../../generated/graphql.js';
import { healthResolvers } from './health.js';
import { importResolvers } from './import.js';
import { modelResolvers } from './model.js';
import { mutationResolvers } from './mutations.js';
import { relayResolvers } from './relay.js';
import { traversalResolvers } from './traversal.js';

/** Every domain's resolvers, merged one level deep (type name, then field). */
export function buildResolvers(): Resolvers {
  const parts: Resolvers[] = [
    healthResolvers,
    modelResolvers,
    traversalResolvers,
    mutationResolvers,
    importResolvers,
    relayResolvers,
  ];
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [typeName, fields] of Object.entries(part)) {
      merged[typeName] = { ...(merged[typeName] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return merged as Resolvers;
}

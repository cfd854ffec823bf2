import type { Resolvers } from '../../generated/graphql.js';
import type { Context } from '../context.js';

interface Counts {
  nodeCount: number;
  relationshipCount: number;
}

// nodeCount and relationshipCount come from one statement; ask it once per request.
const countsByRequest = new WeakMap<Context, Promise<Counts>>();

function counts(context: Context): Promise<Counts> {
  let pending = countsByRequest.get(context);
  if (pending === undefined) {
    pending = context.db
      .read<{ nodeCount: number; relationshipCount: number }>('health/counts')
      .then(([row]) => row ?? { nodeCount: 0, relationshipCount: 0 });
    countsByRequest.set(context, pending);
  }
  return pending;
}

export const healthResolvers: Resolvers = {
  Query: {
    health: () => ({}),
  },
  Health: {
    database: (_parent, _args, context) => context.db.serverInfo(),
    nodeCount: async (_parent, _args, context) => (await counts(context)).nodeCount,
    relationshipCount: async (_parent, _args, context) => (await counts(context)).relationshipCount,
  },
};

import { requireRole } from '../../auth/principal.js';
import type { ChangeRow } from '../../editing/audit.js';
import { entityChanges, newEntity, newLink, newResponse, newSource } from '../../editing/changes.js';
import {
  createEntity,
  deleteEntity,
  history,
  linkEntities,
  mergeEntities,
  undoMerge,
  updateEntity,
} from '../../editing/editor.js';
import { LIMITS, text } from '../../editing/inputs.js';
import type { Resolvers } from '../../generated/graphql.js';
import { checkFirst } from './shared.js';

/**
 * Resolvers of schema/mutations.graphql: src/editing/changes.ts checks the input and builds what
 * each mutation writes, src/editing/editor.ts writes it.
 */

export const mutationResolvers: Resolvers = {
  Query: {
    history: (_root, { id, first }, context) => history(context.db, id, checkFirst(first, 500)),
  },
  Change: {
    changeSetId: (change: ChangeRow) => change.mutationId,
    // Which key made a change, and its holder's name, are for admins: a key's name often names a
    // person or a team. Others learn that a key made it; the seed's and imports' names stay shown.
    by: (change: ChangeRow, _args, context) =>
      context.principal.role === 'admin' || change.actorKeyId === null || change.actorKeyId === undefined
        ? { keyId: change.actorKeyId ?? null, name: change.actorName }
        : { keyId: null, name: 'an API key' },
    reason: (change: ChangeRow) => change.reason ?? null,
    before: (change: ChangeRow) => change.before ?? null,
    after: (change: ChangeRow) => change.after ?? null,
    undoneAt: (change: ChangeRow) => change.undoneAt ?? null,
  },
  Mutation: {
    createEntity: (_root, { kind, input }, context) =>
      createEntity(context.db, context.principal, newEntity(kind, input), `mutation createEntity(${kind})`),
    createSource: (_root, { input }, context) =>
      createEntity(context.db, context.principal, newSource(input), 'mutation createSource'),
    updateEntity: (_root, { id, input }, context) => updateEntity(context.db, context.principal, id, entityChanges(input)),
    deleteEntity: (_root, { id, reason }, context) =>
      deleteEntity(context.db, context.principal, id, text('reason', reason, LIMITS.reason, true)!),
    recordResponse: (_root, { input }, context) =>
      createEntity(context.db, context.principal, newResponse(input), 'mutation recordResponse'),
    link: (_root, { input }, context) => linkEntities(context.db, context.principal, newLink(input)),
    mergeEntities: (_root, { keepId, mergeId, reason }, context) => {
      // Merging rewrites two entities' identities: editors may link, only admins may merge.
      requireRole(context.principal, 'admin', 'mergeEntities');
      return mergeEntities(context.db, context.principal, keepId, mergeId, text('reason', reason, LIMITS.reason, true)!);
    },
    undoMerge: (_root, { changeId }, context) => {
      requireRole(context.principal, 'admin', 'undoMerge');
      return undoMerge(context.db, context.principal, changeId);
    },
  },
};

import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { requireRole, type Role } from '../auth/principal.js';
import type { Context } from './context.js';

/**
 * Who may call each root field, checked for every root field of a request before any of them runs:
 * a request holding an allowed and a forbidden mutation is refused whole, and commits nothing.
 * Resolvers check again (requireRole) so that no path reaches a write unchecked.
 */
const MUTATION_ROLES: Record<string, Role> = { mergeEntities: 'admin', undoMerge: 'admin' };
const QUERY_ROLES: Record<string, Role> = {
  // The audit trail names the keys that made each change: it needs a key even where reads are open.
  // exportStix is a read like any other (bounded by its page size and the cost limit).
  history: 'reader',
};

/** The root fields an operation selects, through inline fragments and fragment spreads. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') names.push(selection.name.value);
    else if (selection.kind === 'InlineFragment') names.push(...rootFields(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) => definition.kind === 'FragmentDefinition' && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === 'FragmentDefinition') names.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return names;
}

export function authorizePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation === undefined) return;
          const mutation = (operation as OperationDefinitionNode).operation === 'mutation';
          for (const field of rootFields(document, operation.selectionSet)) {
            const role = mutation ? (MUTATION_ROLES[field] ?? 'editor') : QUERY_ROLES[field];
            if (role !== undefined) requireRole(contextValue.principal, role, field);
          }
        },
      };
    },
  };
}

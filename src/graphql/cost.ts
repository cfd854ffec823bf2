import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  print,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { apiError } from '../errors.js';
import type { Context } from './context.js';

/**
 * The cost of an operation, computed with its variables and the schema's argument defaults, before
 * anything runs. A static cost rule that reads only literals (graphql-armor's) lets
 * `links(first: $n)` with n = 500, or `links` with its default of 100, nest into millions of rows.
 *
 * The model: a field costs 1 (a scalar) or 2 (an object) plus its children, multiplied by how many
 * times it can appear. A field with a size argument (first, limit, k) appears that many times; the
 * lists of the page it returns (edges of a connection, nodes of a neighbourhood) are that page and do
 * not multiply again; any other list counts as UNSIZED_LIST_LENGTH items. Some fields cost more per
 * item than an object read (exportStix builds a STIX object for each entity).
 */

const SIZE_ARGUMENTS = ['first', 'limit', 'k'];
/** Lists without a size argument: aliases, citations, a state's memberships; a few items each. */
export const UNSIZED_LIST_LENGTH = 10;
/** Unsized lists whose resolvers allow more than UNSIZED_LIST_LENGTH items. */
const LIST_LENGTH: Record<string, number> = { 'Query.lookup': 50 };
/** Per-item weight of fields that do much more work per item than one object read. */
const ITEM_WEIGHT: Record<string, number> = { 'Query.exportStix': 60 };

function sizeOf(args: Record<string, unknown>): number | undefined {
  let size: number | undefined;
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, Math.max(0, value));
  }
  return size;
}

// Types are read through their printed form, not graphql's instanceof predicates: a test runner may
// load graphql twice (ESM and CommonJS), and Apollo's schema then fails the other copy's checks.
function isList(type: GraphQLOutputType): boolean {
  return String(type).replace(/!$/, '').startsWith('[');
}

function namedType(type: GraphQLOutputType): string {
  return String(type).replace(/[[\]!]/g, '');
}

function isLeaf(schema: GraphQLSchema, type: GraphQLOutputType): boolean {
  const named = schema.getType(namedType(type));
  return named !== undefined && named !== null && !('getFields' in named) && !('getTypes' in named);
}

/** Types that a sized field returns as one object: their own lists are the page the size bounds. */
function pageTypes(schema: GraphQLSchema): Set<string> {
  const pages = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!('getFields' in type) || !('getInterfaces' in type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!('args' in field) || isList(field.type) || !field.args.some((arg) => SIZE_ARGUMENTS.includes(arg.name))) continue;
      pages.add(namedType(field.type));
    }
  }
  return pages;
}

export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const pages = pageTypes(schema);
  return ({
    type,
    field,
    args,
    childComplexity,
  }: {
    type: GraphQLCompositeType;
    field: GraphQLField<unknown, unknown>;
    args: Record<string, unknown>;
    childComplexity: number;
  }) => {
    // Introspection is bounded by the schema's size, not the graph's (and off where it is not wanted).
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
    const coordinate = `${type.name}.${field.name}`;
    const own = isLeaf(schema, field.type) ? 1 : 2;
    const weight = ITEM_WEIGHT[coordinate] ?? 1;
    const sized = sizeOf(args);
    const count = sized ?? (!isList(field.type) || pages.has(type.name) ? 1 : (LIST_LENGTH[coordinate] ?? UNSIZED_LIST_LENGTH));
    return count * (own * weight + childComplexity);
  };
}

/** One estimator per schema: its page types come from a walk over every field of the schema. */
const ESTIMATORS = new WeakMap<GraphQLSchema, ComplexityEstimator>();

/**
 * Costs already computed, by parsed document (Apollo keeps one per query text) and by what of the
 * variables can change the cost. The walk over the document took 6% of the API's CPU on a lookup by
 * id, for the same answer on every request of that query but the first.
 */
const COSTS = new WeakMap<DocumentNode, { costs: Map<string, number>; freeText: Set<string> }>();
/** Variable sets remembered per document: past it, the cache starts again (a client paging through sizes). */
const COSTS_PER_DOCUMENT = 500;

/** Variables declared String or ID (or lists of them): any text coerces, and no text changes a cost. */
function freeTextVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (/^\[?(String|ID)!?\]?!?$/.test(print(variable.type))) names.add(variable.variable.name.value);
    }
  }
  return names;
}

/** The variables as they can bear on the cost: the text of String and ID variables left out, all else kept. */
function costKey(
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  freeText: Set<string>,
): string {
  const kept = Object.entries(variables ?? {}).map(([name, value]) =>
    freeText.has(name)
      ? [name, JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? '' : item))]
      : [name, value],
  );
  return JSON.stringify([operationName ?? null, kept]);
}

/** The operation's cost with these variables; throws the GraphQL error of variables that do not coerce. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  let estimator = ESTIMATORS.get(schema);
  if (estimator === undefined) ESTIMATORS.set(schema, (estimator = costEstimator(schema)));
  let known = COSTS.get(document);
  if (known === undefined) COSTS.set(document, (known = { costs: new Map(), freeText: freeTextVariables(document) }));
  const key = costKey(operationName, variables, known.freeText);
  const cached = known.costs.get(key);
  if (cached !== undefined) return cached;
  // Variables that do not coerce throw here, and are never remembered.
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
  known.costs.set(key, cost);
  return cost;
}

/** Refuses, before execution, an operation whose cost with its variables exceeds maxCost. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined);
          } catch (error) {
            throw apiError('BAD_USER_INPUT', (error as Error).message, {
              reason: 'GRAPHQL_VALIDATION_FAILED',
              http: { status: 400 },
            });
          }
          if (cost > maxCost) {
            throw apiError(
              'BAD_USER_INPUT',
              `The operation costs ${Math.ceil(cost)} with these variables, more than the limit of ${maxCost}: ask for smaller pages (first, limit) or fewer nested lists.`,
              { reason: 'COST_LIMIT', cost: Math.ceil(cost), maxCost, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}

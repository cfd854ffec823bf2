import type { FieldNode, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { EntityRow, LinkRow } from '../read/rows.js';
import type { Context } from './context.js';
import { DEFAULT_LINK_LIMIT } from './loaders.js';
import { linkField } from './resolvers/linkFields.js';
import { NAME_FIELDS, SUMMARY_FIELDS, fieldsOf, selectedFields, summaryProjection, type SummaryProjection } from './selection.js';

/**
 * One statement for an entity and the relationship lists its selection asks for, as @neo4j/graphql
 * translates a selection into one projected statement: `threatActor(id) { uses { node { id name } } }`
 * is answered by read/entity-with-links alone, where the entity loader and read/links would take a
 * statement per level and send every property of every entity they reach. It applies to the typed
 * relationship fields (resolvers/linkFields.ts) whose far ends are asked only for summary fields
 * (selection.ts), or, one level down, for summary fields and such lists; any other field resolves
 * as before, through the loaders. The lists found are kept beside the rows they belong to, where
 * the field's resolver looks first (`preloaded`).
 */

/** A list to read, as read/entity-with-links takes it. */
export interface ListParam {
  field: string;
  types: string[];
  direction: string;
  /** Whether anything but the far end is asked of the relationship (its confidence, citations, id, …). */
  props: boolean;
  /** Whether the far end's description or knownSince is asked, beyond its id, kind and name. */
  described: boolean;
  lists: ListParam[];
}

/** A list as read/entity-with-links returns it: [field, rows], a row being [type, direction, props, node, lists]. */
type ListResult = [field: string, rows: LinkResult[]];
type LinkResult = [type: string, direction: LinkRow['direction'], props: LinkRow['props'], node: EntityRow, lists: ListResult[]];

/** What a link answers without its relationship's properties. */
const WITHOUT_PROPS = new Set(['__typename', 'type', 'direction', 'node']);

/** Levels of lists below the entity the statement can read. */
const DEPTH = 2;

/** The lists the rows of a request were read with; weak, so they go with the rows. */
const PRELOADED = new WeakMap<EntityRow, Map<string, LinkRow[]>>();

/** The list `field` of `row` if the row was read with it, else undefined (the loaders answer). */
export function preloaded(row: EntityRow, field: string): LinkRow[] | undefined {
  return PRELOADED.get(row)?.get(field);
}

type SelectionInfo = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'fieldNodes'>;

/**
 * The name of the type a field of a type has, lists and non-nulls removed. By hand rather than with
 * graphql's getNamedType and isObjectType: their instanceof checks throw where two copies of
 * graphql are loaded (as under vitest), and only names are needed.
 */
function fieldTypeName(schema: GraphQLSchema, typeName: string, field: string): string | null {
  const type = schema.getType(typeName) as { getFields?: () => Record<string, { type: unknown } | undefined> } | undefined;
  let fieldType = type?.getFields?.()[field]?.type;
  while (typeof fieldType === 'object' && fieldType !== null && 'ofType' in fieldType) fieldType = fieldType.ofType;
  return typeof fieldType === 'object' && fieldType !== null && 'name' in fieldType ? String(fieldType.name) : null;
}

function listParam(info: SelectionInfo, parent: string, field: string, nodes: FieldNode[], depth: number): ListParam | null {
  const spec = linkField(parent, field);
  if (spec === null || nodes.some((node) => (node.arguments?.length ?? 0) > 0)) return null;
  const linkFields = selectedFields(
    info,
    nodes.map((node) => node.selectionSet),
  );
  const linkType = fieldTypeName(info.schema, parent, field);
  // The far end's type: a list of it is known only for an entity type (linkFields.ts), not for the Entity interface.
  const nodeType = linkType === null ? null : fieldTypeName(info.schema, linkType, 'node');
  const lists: ListParam[] = [];
  const nodeFields = selectedFields(
    info,
    (linkFields.get('node') ?? []).map((node) => node.selectionSet),
  );
  for (const [name, fieldNodes] of nodeFields) {
    if (SUMMARY_FIELDS.has(name)) continue;
    const inner = depth > 1 && nodeType !== null ? listParam(info, nodeType, name, fieldNodes, depth - 1) : null;
    if (inner === null) return null;
    lists.push(inner);
  }
  return {
    field,
    types: [...spec.types],
    direction: spec.direction,
    props: [...linkFields.keys()].some((name) => !WITHOUT_PROPS.has(name)),
    described: [...nodeFields.keys()].some((name) => SUMMARY_FIELDS.has(name) && !NAME_FIELDS.has(name)),
    lists,
  };
}

/** The lists of the root field's entity (of GraphQL type `typeName`) that one statement can answer. */
export function listsToPreload(info: SelectionInfo, typeName: string): ListParam[] {
  return [...fieldsOf(info)].flatMap(([name, nodes]) => listParam(info, typeName, name, nodes, DEPTH) ?? []);
}

/**
 * How the root entity is projected: summary properties alone when nothing but them and the lists
 * read with it is asked of it (the row is the parent of only those fields; it primes no loader).
 */
export function rootProjection(info: SelectionInfo, lists: readonly ListParam[]): SummaryProjection {
  return summaryProjection(info, info.fieldNodes, new Set(lists.map((list) => list.field)));
}

function keep(row: EntityRow, lists: ListResult[]): void {
  if (lists.length === 0) return;
  PRELOADED.set(
    row,
    new Map(
      lists.map(([field, rows]) => [
        field,
        // By index, not by destructuring, which may go through the array iterator for each link.
        rows.map((link) => {
          keep(link[3], link[4]);
          return { from: row.id, type: link[0], direction: link[1], props: link[2], node: link[3] };
        }),
      ]),
    ),
  );
}

/**
 * The entity `id` of kind `kind` (null if none) read in one statement with the lists its selection
 * asks for; undefined when the selection asks for no list one statement can answer (then the
 * loaders do, as for any other field).
 */
export async function entityWithLists(
  context: Context,
  info: GraphQLResolveInfo,
  kind: string,
  id: string,
): Promise<EntityRow | null | undefined> {
  const lists = listsToPreload(info, kind);
  if (lists.length === 0) return undefined;
  const [row] = await context.db.read<{ entity: EntityRow; lists: ListResult[] }>('read/entity-with-links', {
    id,
    lists,
    limit: DEFAULT_LINK_LIMIT,
    ...rootProjection(info, lists),
  });
  if (row === undefined || row.entity.kind !== kind) return null;
  keep(row.entity, row.lists);
  return row.entity;
}

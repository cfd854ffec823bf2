import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ENTITY_NAME_PROPERTIES, ENTITY_SUMMARY_PROPERTIES } from '../read/projection.js';

/**
 * What a selection asks for, read from the query itself, so that a resolver can choose a statement
 * that returns only that (src/graphql/preload.ts, the summary lookups of Query.node and Query.entity).
 */

/**
 * The fields every entity type answers alike from a summary row (ENTITY_SUMMARY_PROPERTIES, each
 * read as the field of its name; __typename from the kind).
 */
export const SUMMARY_FIELDS: ReadonlySet<string> = new Set(['__typename', ...ENTITY_SUMMARY_PROPERTIES]);

/** The summary fields a row of ENTITY_NAME_PROPERTIES answers. */
export const NAME_FIELDS: ReadonlySet<string> = new Set(['__typename', ...ENTITY_NAME_PROPERTIES]);

/**
 * The fields of some selection sets by name (every node of a name: aliases and repeats), with
 * fragments and inline fragments flattened whatever their type condition: a field under
 * `... on Campaign` counts as asked. Callers only ever conclude "nothing but these fields is
 * asked", which stays true when a fragment would not apply.
 */
export function selectedFields(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  sets: ReadonlyArray<SelectionSetNode | undefined>,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        fields.set(name, [...(fields.get(name) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

/** The fields the resolver's own field asks for. */
export function fieldsOf(info: Pick<GraphQLResolveInfo, 'fragments' | 'fieldNodes'>): Map<string, FieldNode[]> {
  return selectedFields(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
  );
}

/** True when the entity asked for reads only the summary fields (id, kind, name, description, knownSince). */
export function asksOnlySummary(info: Pick<GraphQLResolveInfo, 'fragments' | 'fieldNodes'>): boolean {
  return [...fieldsOf(info).keys()].every((name) => SUMMARY_FIELDS.has(name));
}

/** The names of the fields asked below some fields (fragments included). */
export function askedBelow(info: Pick<GraphQLResolveInfo, 'fragments'>, fields: readonly FieldNode[]): string[] {
  return [
    ...selectedFields(
      info,
      fields.map((node) => node.selectionSet),
    ).keys(),
  ];
}

/** How an entity read may be projected: summary properties alone, and among them description and knownSince or not. */
export interface SummaryProjection {
  summary: boolean;
  describe: boolean;
  dated: boolean;
}

/** Entities read whole: what a field that may be asked anything of them needs. */
export const WHOLE_ENTITIES: SummaryProjection = { summary: false, describe: true, dated: true };

/**
 * The projection for entities asked with the selection sets of some fields (a neighbourhood's
 * `nodes` and `center`, a search hit's `entity`): statements that take $summary, $describe and
 * $dated return no description or date a list does not ask for. `alsoAnswered`: fields the same
 * statement answers beside the summary ones (the lists read/entity-with-links reads with the entity).
 */
export function summaryProjection(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  fields: readonly FieldNode[],
  alsoAnswered: ReadonlySet<string> = new Set(),
): SummaryProjection {
  const asked = askedBelow(info, fields);
  return {
    summary: asked.every((name) => SUMMARY_FIELDS.has(name) || alsoAnswered.has(name)),
    describe: asked.includes('description'),
    dated: asked.includes('knownSince'),
  };
}

import { Kind, buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { listsToPreload, rootProjection } from '../../src/graphql/preload.js';
import { asksOnlySummary } from '../../src/graphql/selection.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

// Which selections src/graphql/preload.ts answers in one statement (read/entity-with-links), and
// which lookups read only the summary properties; anything else is left to the loaders.

const schema = buildSchema(loadTypeDefs());

/** The parts of a resolver's info that the selection helpers read, for the query's first root field. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections[0]!;
  if (root.kind !== Kind.FIELD) throw new Error('the first selection must be a field');
  return { schema, fragments, fieldNodes: [root] };
}

const plan = (query: string) => listsToPreload(infoOf(query), 'ThreatActor');

describe('single-statement reads', () => {
  it("reads an actor's techniques with their names in one statement, without the relationships' properties", () => {
    expect(plan('{ threatActor(id: "a") { id name uses { node { id name } } } }')).toEqual([
      { field: 'uses', types: ['USES'], direction: 'OUT', props: false, described: false, lists: [] },
    ]);
  });

  it("reads the actor's campaigns and their targets, two levels, in one statement", () => {
    expect(plan('{ threatActor(id: "a") { campaigns { node { id name targets { node { id name } } } } } }')).toEqual([
      {
        field: 'campaigns',
        types: ['CONDUCTED_BY', 'ATTRIBUTED_TO'],
        direction: 'IN',
        props: false,
        described: false,
        lists: [{ field: 'targets', types: ['TARGETS'], direction: 'OUT', props: false, described: false, lists: [] }],
      },
    ]);
  });

  it("reads the far ends' description and knownSince only when asked", () => {
    expect(plan('{ threatActor(id: "a") { uses { node { id description } } } }')).toMatchObject([{ described: true }]);
    expect(plan('{ threatActor(id: "a") { uses { node { knownSince } } } }')).toMatchObject([{ described: true }]);
    expect(plan('{ threatActor(id: "a") { uses { node { __typename id kind name } } } }')).toMatchObject([{ described: false }]);
  });

  it('reads the properties of the relationships when a link field asks for them', () => {
    expect(plan('{ threatActor(id: "a") { sponsors { confidence { score } node { id } } } }')).toMatchObject([
      { field: 'sponsors', props: true },
    ]);
    expect(plan('{ threatActor(id: "a") { uses { relationshipId node { id } } } }')).toMatchObject([
      { field: 'uses', props: true },
    ]);
  });

  it('follows fragments and keeps the lists it can answer, leaving the others to the loaders', () => {
    const lists = plan(`
      query { threatActor(id: "a") { ...Actor aliases { name } sponsors { node { id isoCode } } } }
      fragment Actor on ThreatActor { uses { node { ... on AttackPattern { id name } } } }`);
    // sponsors asks isoCode, which a summary row has not: the loader answers it.
    expect(lists.map((list) => list.field)).toEqual(['uses']);
  });

  it('leaves a list whose far ends ask anything beyond the summary fields, or a third level, to the loaders', () => {
    expect(plan('{ threatActor(id: "a") { uses { node { id citations { quote } } } } }')).toEqual([]);
    expect(plan('{ threatActor(id: "a") { campaigns { node { targets { node { id aliases { name } } } } } } }')).toEqual([]);
    expect(
      plan('{ threatActor(id: "a") { campaigns { node { conductedBy { node { campaigns { node { id } } } } } } } }'),
    ).toEqual([]);
    // The far end of uses is any entity: its lists are not known without its type.
    expect(plan('{ threatActor(id: "a") { uses { node { ... on Campaign { targets { node { id } } } } } } }')).toEqual([]);
    expect(plan('{ threatActor(id: "a") { id name aliases { name } } }')).toEqual([]);
  });

  it('reads only the summary of an entity a lookup asks id, kind, name, description or knownSince of', () => {
    expect(asksOnlySummary(infoOf('{ node(id: "a") { id ... on Entity { kind name description knownSince } } }'))).toBe(true);
    expect(asksOnlySummary(infoOf('{ entity(id: "a") { __typename id name } }'))).toBe(true);
    expect(asksOnlySummary(infoOf('{ entity(id: "a") { id revoked } }'))).toBe(false);
    expect(asksOnlySummary(infoOf('{ node(id: "a") { id ... on GraphEdge { source } } }'))).toBe(false);
  });

  it('reads only the summary of the entity itself when nothing but summary fields and the lists read with it is asked of it', () => {
    const root = (query: string) => {
      const info = infoOf(query);
      return rootProjection(info, listsToPreload(info, 'ThreatActor'));
    };
    expect(root('{ threatActor(id: "a") { id name uses { node { id name } } } }')).toEqual({
      summary: true,
      describe: false,
      dated: false,
    });
    expect(root('{ threatActor(id: "a") { __typename description knownSince uses { node { id } } } }')).toEqual({
      summary: true,
      describe: true,
      dated: true,
    });
    // revoked is not a summary field; aliases is a list the statement does not read.
    expect(root('{ threatActor(id: "a") { id revoked uses { node { id } } } }')).toMatchObject({ summary: false });
    expect(root('{ threatActor(id: "a") { id aliases { name } uses { node { id } } } }')).toMatchObject({ summary: false });
    expect(
      root('query { threatActor(id: "a") { id ...A uses { node { id } } } } fragment A on ThreatActor { nationality }'),
    ).toMatchObject({ summary: false });
  });
});

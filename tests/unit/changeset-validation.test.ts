import { describe, expect, it } from 'vitest';
import { ChangesetError, type Changeset, type EntityInput, type RelationshipInput } from '../../src/write/changeset.js';
import { referencedIds, validateChangeset } from '../../src/write/validate.js';

const source: EntityInput = {
  id: 'source:s',
  kind: 'Source',
  name: 'A statement',
  description: null,
  props: {},
  dates: {},
  aliases: [],
  citations: [],
};
const cited = [{ sourceId: 'source:s', quote: null }];
const actor: EntityInput = {
  id: 'actor:a',
  kind: 'ThreatActor',
  name: 'Group A',
  description: null,
  props: { confidence: 50 },
  dates: {},
  aliases: [{ name: 'A-Team', givenBy: null, citations: cited }],
  citations: cited,
};
const sponsored: RelationshipInput = {
  type: 'SPONSORED_BY',
  from: 'actor:a',
  to: 'state:cn',
  key: '',
  props: { confidence: 40 },
  dates: {},
  citations: cited,
};

function changeset(entities: EntityInput[], relationships: RelationshipInput[] = []): Changeset {
  return { origin: 'test', entities, relationships };
}

describe('changeset validation', () => {
  it('accepts entities and relationships that cite sources and whose ends exist', () => {
    expect(validateChangeset(changeset([source, actor], [sponsored]), new Map([['state:cn', 'State']]))).toEqual([]);
  });

  it('names every problem, where it is, not just the first', () => {
    const problems = validateChangeset(
      changeset(
        [
          source,
          { ...actor, kind: 'Dragon' as never, citations: [] },
          { ...actor, id: 'actor:b', name: ' ', props: { nested: { a: 1 } as never } },
        ],
        [
          {
            ...sponsored,
            to: 'state:nowhere',
            props: { confidence: 150 },
            citations: [{ sourceId: 'source:none', quote: null }],
          },
        ],
      ),
      new Map(),
    );
    expect(problems).toEqual([
      { at: 'entities[1] actor:a', message: expect.stringMatching(/^kind "Dragon" is not one of ThreatActor, /) },
      { at: 'entities[2] actor:b', message: 'name must be a non-empty string' },
      { at: 'entities[2] actor:b', message: 'property nested must be a string, number, boolean or a list of them' },
      { at: 'entities[1] actor:a', message: 'cites no source: every claim needs at least one' },
      {
        at: 'relationships[0] SPONSORED_BY actor:a -> state:nowhere',
        message: 'its end state:nowhere is neither in the changeset nor in the graph',
      },
      { at: 'relationships[0] SPONSORED_BY actor:a -> state:nowhere', message: 'confidence must be a number from 0 to 100' },
      {
        at: 'relationships[0] SPONSORED_BY actor:a -> state:nowhere',
        message: 'cites source:none, which is not a Source in this changeset or the graph',
      },
    ]);
  });

  it('refuses an id twice, a kind the graph holds otherwise, and a relationship twice', () => {
    const problems = validateChangeset(
      changeset([source, actor, actor], [sponsored, sponsored]),
      new Map([['state:cn', 'State']]),
    );
    expect(problems.map((problem) => problem.message)).toEqual(['id appears twice in the changeset', 'appears twice (key "")']);
    const kind = validateChangeset(changeset([source, actor]), new Map([['actor:a', 'Campaign']]));
    expect(kind).toEqual([
      { at: 'entities[1] actor:a', message: 'the graph already holds actor:a as a Campaign, not a ThreatActor' },
    ]);
  });

  it('lets a claim cite a source the graph already holds, and merges only into what exists', () => {
    expect(validateChangeset(changeset([actor]), new Map([['source:s', 'Source']]))).toEqual([]);
    const merge = validateChangeset(
      changeset([source, { ...actor, statement: { key: 'source:s|misp:1', own: false, modified: null, why: 'test' } }]),
      new Map(),
    );
    expect(merge).toEqual([
      { at: 'entities[1] actor:a', message: 'is to be merged into an existing entity, but the graph does not hold it' },
    ]);
  });

  it('lists every id a changeset refers to, once', () => {
    expect(referencedIds(changeset([source, actor], [sponsored])).sort()).toEqual(['actor:a', 'source:s', 'state:cn']);
  });

  it('says in its error what was refused and shows at most 20 problems', () => {
    const problems = Array.from({ length: 23 }, (_, index) => ({ at: `entities[${index}]`, message: 'bad' }));
    const error = new ChangesetError('seed/x.yaml', problems);
    expect(error.message.split('\n')[0]).toBe('seed/x.yaml was refused, nothing was written (23 problems):');
    expect(error.message).toContain('  entities[19]: bad');
    expect(error.message).not.toContain('entities[20]');
    expect(error.message.endsWith('  … and 3 more')).toBe(true);
    expect(new ChangesetError('x', [problems[0]!]).message).toContain('(1 problem)');
  });
});

import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { entityChanges, newEntity, newLink, newResponse, newSource, updatedEntity } from '../../src/editing/changes.js';
import { citations, confidence, entityId, isoCode, newId, partialDate, positive, text, url } from '../../src/editing/inputs.js';

/** The BAD_USER_INPUT message a call throws. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return error.message;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('input checks', () => {
  it('hold text to its length and require what is required', () => {
    expect(text('input.name', 'APT31', 300, true)).toBe('APT31');
    expect(text('input.description', undefined, 10)).toBeNull();
    expect(refusal(() => text('input.name', null, 300, true))).toBe('input.name: is required');
    expect(refusal(() => text('input.name', '  ', 300, true))).toBe('input.name: must not be empty');
    expect(refusal(() => text('input.name', 'x'.repeat(301), 300))).toBe('input.name: must be at most 300 characters (got 301)');
  });

  it('take only http(s) URLs, real partial dates, scores from 0 to 100 and ISO codes', () => {
    expect(url('input.url', 'https://example.org/a')).toBe('https://example.org/a');
    expect(refusal(() => url('input.url', 'javascript:alert(1)'))).toBe('input.url: must be an http or https URL');
    expect(refusal(() => url('input.url', 'not a url'))).toBe('input.url: "not a url" is not a URL');
    expect(partialDate('input.date', '2025-05')).toEqual({ start: '2025-05-01', precision: 'MONTH' });
    expect(refusal(() => partialDate('input.date', '2025-02-30'))).toBe('input.date: "2025-02-30" is not a calendar date');
    expect(refusal(() => partialDate('input.date', null, true))).toBe('input.date: is required');
    expect(confidence('input.confidence', 0)).toBe(0);
    expect(refusal(() => confidence('input.confidence', 101))).toBe(
      'input.confidence: must be a whole number from 0 to 100, got 101',
    );
    expect(refusal(() => confidence('input.confidence', 2.5))).toMatch(/^input\.confidence: /);
    expect(isoCode('input.isoCode', 'CZ')).toBe('CZ');
    expect(refusal(() => isoCode('input.isoCode', 'cz'))).toMatch(/^input\.isoCode: must be a two-letter ISO 3166-1 code/);
    expect(refusal(() => positive('input.size', 0, 10))).toBe('input.size: must be a whole number from 1 to 10');
  });

  it('take ids of letters, digits and : . _ -, and make new ones from kind and name', () => {
    expect(entityId('input.id', 'actor:apt-31.x_y')).toBe('actor:apt-31.x_y');
    for (const bad of ['', ':x', 'a b', "a'b", 'a'.repeat(301)])
      expect(refusal(() => entityId('input.id', bad))).toMatch(/^input\.id: /);
    expect(newId('actor', 'Judgment Panda!')).toMatch(/^actor:judgmentpanda-[0-9a-f]{8}$/);
  });

  it('require citations where a claim needs them, and check each quote', () => {
    expect(citations('input.citations', [{ sourceId: 's', quote: 'q' }], true)).toEqual([{ sourceId: 's', quote: 'q' }]);
    expect(citations('input.addCitations', null, false)).toEqual([]);
    expect(refusal(() => citations('input.citations', [], true))).toBe('input.citations: must cite at least one source');
    expect(refusal(() => citations('input.citations', [{ sourceId: 's', quote: 'q'.repeat(5001) }], true))).toMatch(
      /^input\.citations\[0\]\.quote: must be at most 5000/,
    );
  });
});

describe('what mutations write', () => {
  const cite = [{ sourceId: 'source:s', quote: null }];

  it('createEntity: the entity with its kind fields and dates, and every source it names as a reference', () => {
    const edit = newEntity('Campaign', {
      id: 'campaign:c',
      name: 'Campaign C',
      started: '2022-03',
      aliases: [{ name: 'Op C', citations: [{ sourceId: 'source:t' }] }],
      citations: cite,
    });
    expect(edit.entities).toEqual([
      {
        id: 'campaign:c',
        kind: 'Campaign',
        name: 'Campaign C',
        description: null,
        props: {},
        dates: { started: { start: '2022-03-01', precision: 'MONTH' } },
        aliases: [{ name: 'Op C', givenBy: null, citations: [{ sourceId: 'source:t', quote: null }] }],
        citations: cite,
      },
    ]);
    expect(edit.references).toEqual([
      { argument: 'input.aliases[0].citations[0].sourceId', id: 'source:t', kind: 'Source' },
      { argument: 'input.citations[0].sourceId', id: 'source:s', kind: 'Source' },
    ]);
    expect(newEntity('ThreatActor', { name: 'New Group', citations: cite }).entities[0]!.id).toMatch(/^actor:/);
  });

  it('createSource: the source, with defaults for what is left out', () => {
    expect(newSource({ title: 'T', published: '2025' }).entities[0]).toMatchObject({
      kind: 'Source',
      name: 'T',
      props: { titleIsDescriptive: false, publisher: null, url: null, sourceType: 'OTHER' },
      dates: { published: { start: '2025-01-01', precision: 'YEAR' } },
      citations: [],
    });
  });

  it('recordResponse: the response, one relationship per party and stance, the score from its words', () => {
    const edit = newResponse({
      id: 'response:r',
      types: ['ATTRIBUTION'],
      name: 'R',
      date: '2025-05-28',
      issuerId: 'state:cz',
      concernsIds: ['campaign:c'],
      confidenceText: 'high degree of certainty',
      stances: [{ targetId: 'state:cn', stance: 'NAMES_RESPONSIBLE', citations: cite }],
      citations: cite,
    });
    expect(edit.entities[0]!.props).toEqual({
      confidenceText: 'high degree of certainty',
      confidence: 85,
      types: ['ATTRIBUTION'],
    });
    expect(edit.relationships.map((rel) => `${rel.type} ${rel.to} ${rel.key}`)).toEqual([
      'ISSUED_BY state:cz ',
      'CONCERNS campaign:c ',
      'REFERS_TO state:cn NAMES_RESPONSIBLE',
    ]);
    expect(edit.references.map((reference) => reference.argument)).toEqual([
      'input.citations[0].sourceId',
      'input.issuerId',
      'input.concernsIds[0]',
      'input.stances[0].citations[0].sourceId',
      'input.stances[0].targetId',
    ]);
    expect(refusal(() => newResponse({ types: [], name: 'R', date: '2025', issuerId: 'x', citations: cite }))).toBe(
      'input.types: must list at least one response type',
    );
  });

  it('link: one relationship keyed by its claimant, with both ends as references', () => {
    const edit = newLink({
      from: 'actor:a',
      to: 'state:cn',
      type: 'SPONSORED_BY',
      confidence: 40,
      claimedById: 'state:us',
      citations: cite,
    });
    expect(edit.relationships).toEqual([
      {
        type: 'SPONSORED_BY',
        from: 'actor:a',
        to: 'state:cn',
        key: 'state:us',
        props: { confidence: 40, claimedBy: 'state:us' },
        dates: {},
        citations: cite,
      },
    ]);
    expect(edit.references.slice(0, 2)).toEqual([
      { argument: 'input.from', id: 'actor:a' },
      { argument: 'input.to', id: 'state:cn' },
    ]);
  });

  it('updateEntity: the current entity with the changes, keeping its fields, dates and citations', () => {
    const current = {
      id: 'campaign:c',
      kind: 'Campaign' as const,
      name: 'Campaign C',
      description: 'Old.',
      startedOn: '2022-01-01',
      startedPrecision: 'YEAR',
      citeSources: ['source:s'],
      citeQuotes: [''],
    };
    const changes = entityChanges({
      description: null,
      disclosed: '2023-06',
      addCitations: [{ sourceId: 'source:t', quote: 'Q' }],
    });
    expect(updatedEntity(current, changes)).toEqual({
      id: 'campaign:c',
      kind: 'Campaign',
      name: 'Campaign C',
      description: null,
      props: {},
      dates: { started: { start: '2022-01-01', precision: 'YEAR' }, disclosed: { start: '2023-06-01', precision: 'MONTH' } },
      aliases: [],
      citations: [
        { sourceId: 'source:s', quote: null },
        { sourceId: 'source:t', quote: 'Q' },
      ],
    });
    expect(updatedEntity(current, entityChanges({ name: 'Renamed' }))).toMatchObject({ name: 'Renamed', description: 'Old.' });
  });
});

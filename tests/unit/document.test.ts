import { describe, expect, it } from 'vitest';
import { readSeedFile, seedFiles } from '../../src/ingest/seed.js';
import { ChangesetError } from '../../src/write/changeset.js';
import { readDocument } from '../../src/write/document.js';

function refusal(document: Record<string, unknown>): ChangesetError {
  try {
    readDocument(document, 'test.yaml');
  } catch (error) {
    if (error instanceof ChangesetError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

const cite = [{ source: 'source:s', quote: 'They did it' }];

describe('the document reader', () => {
  it('reads sources, entities with aliases, dates and properties, and relationships', () => {
    const changeset = readDocument(
      {
        sources: [{ id: 'source:s', title: 'A statement', published: '2025-05', publisher: 'Ministry' }],
        entities: [
          {
            id: 'campaign:c',
            kind: 'Campaign',
            name: 'Campaign C',
            started: 2022,
            aliases: [{ name: 'Op C', givenBy: 'Vendor', cite }],
            cite,
          },
        ],
        relationships: [{ type: 'CONDUCTED_BY', from: 'campaign:c', to: 'actor:a', confidenceText: 'likely', cite }],
      },
      'test.yaml',
    );
    expect(changeset.origin).toBe('test.yaml');
    expect(changeset.entities).toEqual([
      {
        id: 'source:s',
        kind: 'Source',
        name: 'A statement',
        description: null,
        props: { publisher: 'Ministry' },
        dates: { published: { start: '2025-05-01', precision: 'MONTH' } },
        aliases: [],
        citations: [],
      },
      {
        id: 'campaign:c',
        kind: 'Campaign',
        name: 'Campaign C',
        description: null,
        props: {},
        dates: { started: { start: '2022-01-01', precision: 'YEAR' } },
        aliases: [{ name: 'Op C', givenBy: 'Vendor', citations: [{ sourceId: 'source:s', quote: 'They did it' }] }],
        citations: [{ sourceId: 'source:s', quote: 'They did it' }],
      },
    ]);
    expect(changeset.relationships).toEqual([
      {
        type: 'CONDUCTED_BY',
        from: 'campaign:c',
        to: 'actor:a',
        key: '',
        // The source's words are scored on the STIX scale when no score is given.
        props: { confidenceText: 'likely', confidence: 70 },
        dates: {},
        citations: [{ sourceId: 'source:s', quote: 'They did it' }],
      },
    ]);
  });

  it('writes a response as a Response entity and one relationship per party and stance', () => {
    const { entities, relationships } = readDocument(
      {
        responses: [
          {
            id: 'response:r',
            types: ['ATTRIBUTION'],
            name: 'R',
            date: '2025-05-28',
            issuedBy: 'state:cz',
            onBehalfOf: 'org:eu',
            concerns: ['campaign:c'],
            refersTo: [{ target: 'state:cn', stance: 'NAMES_RESPONSIBLE', cite }],
            cite,
          },
        ],
      },
      'test.yaml',
    );
    expect(entities[0]).toMatchObject({
      kind: 'Response',
      props: { types: ['ATTRIBUTION'] },
      dates: { occurred: { precision: 'DAY' } },
    });
    expect(relationships.map((rel) => `${rel.type} ${rel.to} ${rel.key}`)).toEqual([
      'ISSUED_BY state:cz ',
      'ON_BEHALF_OF org:eu ',
      'CONCERNS campaign:c ',
      'REFERS_TO state:cn NAMES_RESPONSIBLE',
    ]);
  });

  it('refuses a malformed document naming every problem and where it is', () => {
    const error = refusal({
      entities: [
        { id: 'x', kind: 'Dragon', name: 'X', started: '2022-13', cite: 'nope' },
        { kind: 'ThreatActor', nested: { a: 1 } },
      ],
      relationships: [{ type: 'LIKES', from: 'a' }],
      responses: [{ id: 'r', name: 'R', types: ['PRAISE'], issuedBy: 's', extra: 1 }],
    });
    expect(error.origin).toBe('test.yaml');
    expect(error.problems).toEqual([
      { at: 'entities[0]', message: expect.stringMatching(/^kind "Dragon" is not one of /) },
      { at: 'entities[0]', message: 'cite must be a list' },
      { at: 'entities[0]', message: 'started: "2022-13" is not a calendar date' },
      { at: 'entities[1]', message: 'id is missing' },
      { at: 'entities[1]', message: 'name is missing' },
      { at: 'entities[1]', message: 'nested must be text, a number, true/false or a list of text' },
      { at: 'relationships[0]', message: 'to is missing' },
      { at: 'relationships[0]', message: expect.stringMatching(/^type "LIKES" is not one of /) },
      { at: 'responses[0]', message: expect.stringMatching(/^response type "PRAISE" is not one of /) },
      { at: 'responses[0]', message: 'date is missing: every response is dated' },
      { at: 'responses[0]', message: 'extra is not a field of a response' },
    ]);
  });

  it('reads every curated seed file', () => {
    const files = seedFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const changeset = readSeedFile(file);
      expect(changeset.entities.length, file).toBeGreaterThan(10);
      expect(changeset.relationships.length, file).toBeGreaterThan(10);
    }
  });
});

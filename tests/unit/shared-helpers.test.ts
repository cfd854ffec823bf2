import { describe, expect, it } from 'vitest';
import { batches } from '../../src/db/batches.js';
import { decodeCitations, encodeCitations } from '../../src/model/citations.js';
import { isRecord } from '../../src/model/records.js';
import { relationshipIdentity } from '../../src/model/relationshipIdentity.js';
import { ENTITY_KINDS, ID_PREFIX_BY_OWN_KIND, hasOwnType } from '../../src/model/vocabulary.js';

describe('the helpers every layer shares', () => {
  it('store citations as two aligned lists and read them back, an empty quote meaning none', () => {
    const citations = [
      { sourceId: 'source:a', quote: 'They did it' },
      { sourceId: 'source:b', quote: null },
    ];
    const stored = encodeCitations(citations);
    expect(stored).toEqual({ citeSources: ['source:a', 'source:b'], citeQuotes: ['They did it', ''] });
    expect(decodeCitations(stored.citeSources, stored.citeQuotes)).toEqual(citations);
    expect(decodeCitations(undefined, null)).toEqual([]);
    expect(decodeCitations(['source:a'], undefined)).toEqual([{ sourceId: 'source:a', quote: null }]);
  });

  it('keep the relationship identity the export derives persistent STIX ids from', () => {
    expect(relationshipIdentity({ type: 'REFERS_TO', from: 'response:r', to: 'state:cn', key: 'NAMES_RESPONSIBLE' })).toBe(
      'REFERS_TO|response:r|state:cn|NAMES_RESPONSIBLE',
    );
    expect(relationshipIdentity({ type: 'USES', from: 'a', to: 'b', key: '' })).toBe('USES|a|b|');
  });

  it('tell a JSON object from arrays and null, and cut lists into batches', () => {
    expect([{}, { a: 1 }].every(isRecord)).toBe(true);
    expect([null, [], 'x', 1, undefined].some(isRecord)).toBe(false);
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 2)).toEqual([]);
  });

  it('name the kinds with a GraphQL type of their own, each with its id prefix', () => {
    for (const kind of Object.keys(ID_PREFIX_BY_OWN_KIND)) expect(ENTITY_KINDS).toContain(kind);
    expect(hasOwnType('ThreatActor')).toBe(true);
    expect(hasOwnType('AttackPattern')).toBe(false);
    expect(hasOwnType('toString')).toBe(false);
  });
});

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { boundedBytes, checkNesting, withinFieldLimits } from '../../src/ingest/bounds.js';
import { emptyDocument } from '../../src/ingest/imported.js';
import { ChangesetError } from '../../src/write/changeset.js';

const limits = { maxBytes: 1_000_000, maxDepth: 20, stageAbove: 50_000 };

describe('import bounds', () => {
  it('refuses a gzip that inflates past the limit, naming the setting, without inflating it all', () => {
    // 1 MB of zeros gzips to about 1 KB; the limit stops zlib at 1,000,000 bytes.
    const bomb = gzipSync(Buffer.alloc(5_000_000));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => boundedBytes('bomb.json.gz', bomb, limits)).toThrow(ChangesetError);
    expect(() => boundedBytes('bomb.json.gz', bomb, limits)).toThrow(
      /larger than 1,000,000 bytes once inflated \(IMPORT_MAX_BYTES\)/,
    );
    expect(boundedBytes('small.json.gz', gzipSync(Buffer.from('{"values":[]}')), limits).toString()).toBe('{"values":[]}');
  });

  it('refuses a plain file past the limit and a damaged gzip, by name', () => {
    expect(() => boundedBytes('big.json', Buffer.alloc(1_000_001, 0x20), limits)).toThrow(/larger than 1,000,000 bytes \(/);
    expect(() => boundedBytes('bad.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3]), limits)).toThrow(/is not a readable gzip file/);
  });

  it('refuses nesting deeper than the limit before parsing, and ignores brackets inside strings', () => {
    const deep = Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
    expect(() => checkNesting('deep.json', deep, limits)).toThrow(/deeper than 20 levels at byte 20 \(IMPORT_MAX_DEPTH\)/);
    expect(() =>
      checkNesting('ok.json', Buffer.from(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\\"[[[' })), limits),
    ).not.toThrow();
    // A string ending in an escaped backslash ends there: the brackets after it count.
    const afterBackslash = JSON.stringify({ a: 'x\\', b: '\\"', c: JSON.parse('['.repeat(21) + ']'.repeat(21)) as unknown });
    expect(() => checkNesting('tail.json', Buffer.from(afterBackslash), limits)).toThrow(/deeper than 20 levels/);
    const shallow = JSON.stringify({
      a: 'x\\',
      b: '\\"[[[[[[[[[[[[[[[[[[[[[[[[',
      c: JSON.parse('['.repeat(19) + ']'.repeat(19)) as unknown,
    });
    expect(() => checkNesting('tail.json', Buffer.from(shallow), limits)).not.toThrow();
  });

  it('skips an object whose description is longer than a mutation may write, and cuts a name that is, naming each', () => {
    const document = emptyDocument('stix', 'STIX 2.1', 3, { title: null, version: null, publisher: null });
    const base = { names: [], props: {}, modified: null, resolveByName: false, identifiers: [], createOnly: false };
    const longName = 'n'.repeat(301);
    document.objects.push(
      { ...base, at: 'objects[0] x', externalId: 'x', proposedId: 'x', kind: 'Malware', name: 'ok', description: 'short' },
      {
        ...base,
        at: 'objects[1] y',
        externalId: 'y',
        proposedId: 'y',
        kind: 'Malware',
        name: 'long',
        description: 'x'.repeat(10_001),
      },
      {
        ...base,
        names: [{ name: longName, givenBy: null, quote: null }],
        at: 'row 3',
        externalId: 'z',
        proposedId: 'z',
        kind: 'Organization',
        name: longName,
        description: null,
      },
    );
    const kept = withinFieldLimits(document);
    expect(kept.objects.map((object) => object.externalId)).toEqual(['x', 'z']);
    const cut = kept.objects[1]!;
    expect(cut.name).toHaveLength(300);
    expect(cut.name.endsWith('…')).toBe(true);
    expect(cut.names).toEqual([]);
    expect(cut.props.nameAsGiven).toBe(longName);
    expect(kept.warnings).toEqual([
      'objects[1] y: description holds 10,001 characters, more than the 10,000 a description may; the object was skipped',
      'row 3: name holds 301 characters, more than the 300 a name may; it was cut to 300 and kept whole as nameAsGiven',
    ]);
  });
});

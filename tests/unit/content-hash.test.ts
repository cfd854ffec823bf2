import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { canonical, contentHash } from '../../src/write/contentHash.js';

describe('content hashing', () => {
  it('does not depend on the order of keys, and leaves out undefined', () => {
    expect(canonical({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(contentHash({ a: 1, b: { d: 2, c: 3 } })).toBe(contentHash({ b: { c: 3, d: 2 }, a: 1 }));
    expect(contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells apart what differs: values, null from missing, list order', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: null })).not.toBe(contentHash({}));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
    expect(contentHash({ a: '1' })).not.toBe(contentHash({ a: 1 }));
  });
});

/** The implementation the stored hashes were first computed with: the current one must agree with it. */
function canonicalAsStored(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalAsStored).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalAsStored(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonical JSON, as the graph stores its hashes', () => {
  it('writes exactly what earlier versions wrote, for every shape an import produces', () => {
    const samples: unknown[] = [
      null,
      0,
      -1.5,
      'x "quoted" \\ \u00e9 \u2028',
      true,
      [],
      {},
      [1, undefined, null, [2, [3]], { b: 1, a: 2 }],
      { z: undefined, Ä: 1, a: { '10': 1, '9': 2, b: [undefined] }, 'a b': null, '': 'empty' },
      { kind: 'ThreatActor', name: 'APT31', props: { attackIds: ['G0128'], revoked: false }, dates: {}, aliases: [] },
    ];
    // A sparse list: holes are written as nothing too.
    // eslint-disable-next-line no-sparse-arrays
    samples.push([1, , 3]);
    for (const sample of samples) expect(canonical(sample), JSON.stringify(sample)).toBe(canonicalAsStored(sample));
  });

  it('agrees on every cluster of a real MISP galaxy', () => {
    const galaxy = JSON.parse(
      fs.readFileSync(path.resolve(PROJECT_ROOT, '../shared/data/misp-galaxy/threat-actor.json'), 'utf8'),
    ) as { values: unknown[] };
    for (const cluster of galaxy.values) expect(canonical(cluster)).toBe(canonicalAsStored(cluster));
  });
});

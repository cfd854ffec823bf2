import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { readImport } from '../../src/ingest/importData.js';
import { countryCode } from '../../src/ingest/misp/countries.js';

const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/import/misp-small.json');
const galaxy = (): Record<string, unknown> & { values: Array<Record<string, unknown>> } =>
  JSON.parse(fs.readFileSync(fixture, 'utf8'));
const read = (document: unknown) => readImport({ name: 'misp.json', bytes: Buffer.from(JSON.stringify(document)) });

describe('MISP galaxy reader', () => {
  it('maps clusters to actors with their synonyms, who gave them, and claims to states', () => {
    const document = read(galaxy());
    expect(document.formatLabel).toBe('MISP galaxy');
    expect(document.version).toBe('7');
    const gamma = document.objects.find((object) => object.name === 'Gamma Bear')!;
    expect(gamma.proposedId).toBe('misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    expect(gamma.names.map((n) => [n.name, n.givenBy])).toEqual([
      ['Gamma Bear', 'Threat Actor'],
      ['Alpha Bear', 'Threat Actor'],
      ['Group Beta', 'Example Threat Research'],
    ]);
    expect(gamma.props).toMatchObject({
      country: 'RU',
      attributionConfidence: 80,
      mispUuids: ['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'],
    });
    const links = document.links.map(
      (link) => `${link.type} ${link.from.slice(5, 9)} -> ${link.to} ${String(link.props.confidence ?? '')}`,
    );
    expect(links).toEqual([
      'SPONSORED_BY a1b2 -> state:ru 80',
      'TARGETS a1b2 -> state:cz ',
      // 50 means "no information": no confidence score.
      'SPONSORED_BY b2c3 -> state:ir ',
      'RELATED_TO b2c3 -> misp:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d ',
      'RELATED_TO b2c3 -> misp:c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f ',
    ]);
    const states = document.objects.filter((object) => object.kind === 'State');
    expect(states.map((state) => [state.proposedId, state.name, state.createOnly])).toEqual([
      ['state:ru', 'Russia', true],
      ['state:cz', 'Czechia', true],
      ['state:ir', 'Iran', true],
    ]);
    expect(document.warnings.join('\n')).toMatch(/"Atlantis" \(1\)/);
    expect(document.unknownProperties).toEqual({ 'meta.cfr-target-category': 1, 'meta.origin:*': 1 });
  });

  it('refuses malformed clusters, naming them', () => {
    const broken = galaxy();
    (broken.values[0]!.meta as Record<string, unknown>)['attribution-confidence'] = 'high';
    delete broken.values[1]!.uuid;
    expect(() => read(broken)).toThrow(
      /values\[0\] "Gamma Bear": meta.attribution-confidence must be a number[\s\S]*values\[1\] "Delta Panda": uuid is missing/,
    );
  });

  it('resolves country names and codes, not other words', () => {
    expect(countryCode("Korea (Democratic People's Republic of)")).toBe('KP');
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode('Russian Federation')).toBe('RU');
    expect(countryCode('China')).toBe('CN');
    expect(countryCode('US')).toBe('US');
    expect(countryCode('Unknown')).toBeNull();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { readImport } from '../../src/ingest/importData.js';
import { resolveCountry } from '../../src/model/countries.js';
import { ChangesetError } from '../../src/write/changeset.js';

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

  it("skips a malformed cluster or reference on its own, naming it in the file's words", () => {
    const broken = galaxy();
    (broken.values[0]!.meta as Record<string, unknown>)['attribution-confidence'] = 'high';
    (broken.values[1]!.related as Array<Record<string, unknown>>).push({ type: 'similar' });
    const document = read(broken);
    expect(document.objects.filter((object) => object.kind === 'ThreatActor').map((object) => object.name)).toEqual([
      'Delta Panda',
    ]);
    expect(document.warnings).toEqual(
      expect.arrayContaining([
        'values[0] "Gamma Bear": meta.attribution-confidence must be a number from 0 to 100, got "high"; the cluster was skipped',
        'values[1] "Delta Panda" related[2]: has no dest-uuid (got undefined); the reference was skipped',
      ]),
    );
    // Delta Panda's other references stay.
    expect(document.links.filter((link) => link.type === 'RELATED_TO')).toHaveLength(2);
  });

  it('imports any galaxy of actors and refuses others, naming their type', () => {
    const intrusionSets = { ...galaxy(), type: 'mitre-intrusion-set', name: 'Intrusion Set' };
    intrusionSets.values[0]!.value = 'Gamma Bear - G9001';
    (intrusionSets.values[0]!.meta as Record<string, unknown>).external_id = 'G9001';
    const gamma = read(intrusionSets).objects[0]!;
    expect(gamma.name).toBe('Gamma Bear');
    expect(gamma.props.attackIds).toEqual(['G9001']);
    expect(gamma.identifiers).toEqual(['uuid:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'attack:G9001']);
    expect(gamma.names.map((n) => n.name)).toEqual(['Gamma Bear', 'Gamma Bear - G9001', 'Alpha Bear', 'Group Beta', 'G9001']);
    expect(read({ ...galaxy(), type: 'groups', category: 'Threat Groups' }).objects.length).toBeGreaterThan(0);
    expect(() => read({ ...galaxy(), type: 'tool', category: 'tool', name: 'Tool' })).toThrow(ChangesetError);
    expect(() => read({ ...galaxy(), type: 'tool', category: 'tool', name: 'Tool' })).toThrow(
      /is a MISP "tool" galaxy \(category "tool"\), whose clusters are not threat actors/,
    );
  });

  it('resolves country names and codes through ISO 3166, not other words', () => {
    const code = (text: string) => resolveCountry(text)?.isoCode ?? null;
    expect(code("Korea (Democratic People's Republic of)")).toBe('KP');
    expect(code('Korea, Republic of')).toBe('KR');
    expect(code('Iran (Islamic Republic of)')).toBe('IR');
    expect(code('Russian Federation')).toBe('RU');
    expect(code('Russia')).toBe('RU');
    expect(code('United Kingdom')).toBe('GB');
    expect(code('France')).toBe('FR');
    expect(code('Serbia')).toBe('RS');
    expect(code('The Philippines')).toBe('PH');
    expect(code('Ivory Coast')).toBe('CI');
    expect(code('Hong Kong')).toBe('HK');
    expect(code('Macao')).toBe('MO');
    expect(code('Myanmar')).toBe('MM');
    expect(code('Taiwan')).toBe('TW');
    expect(code('Kosovo')).toBe('XK');
    expect(code('China')).toBe('CN');
    expect(code('US')).toBe('US');
    expect(code('RUS')).toBe('RU');
    // Historical states only where the text means them.
    expect(code('Soviet Union')).toBe('SU');
    expect(code('USSR')).toBe('SU');
    expect(code('Yugoslavia')).toBe('YU');
    expect(code('Unknown')).toBeNull();
    expect(code('NATO')).toBeNull();
    expect(resolveCountry('Russia')).toEqual({ isoCode: 'RU', name: 'Russia' });
  });
});

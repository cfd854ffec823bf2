import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { readImport } from '../../src/ingest/importData.js';
import { uuidv5 } from '../../src/model/stixId.js';

const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/import/stix21-small.json');
const bundle = (): { type: string; objects: Array<Record<string, unknown>> } => JSON.parse(fs.readFileSync(fixture, 'utf8'));
const read = (document: unknown) => readImport({ name: 'test.json', bytes: Buffer.from(JSON.stringify(document)) });

describe('STIX bundle reader', () => {
  it('maps STIX 2.1 object types to kinds', () => {
    const document = read(bundle());
    const kinds = Object.fromEntries(document.objects.map((object) => [object.name, object.kind]));
    expect(kinds).toMatchObject({
      'Alpha Bear': 'ThreatActor',
      'Beta Bear': 'ThreatActor',
      'Example Threat Research': 'Organization',
      'Jane Analyst': 'Person',
      Ruritania: 'Location',
      'Operation Example': 'Campaign',
      ExampleRAT: 'Malware',
      'Spearphishing Attachment': 'AttackPattern',
      'User Training': 'CourseOfAction',
      'Alpha Bear targets Ruritania': 'Report',
      'An unknown custom object': 'StixObject',
    });
    expect(document.formatLabel).toBe('STIX 2.1');
  });

  it('keeps ids, ATT&CK ids, confidence, revocation and the names with who gave them', () => {
    const document = read(bundle());
    const alpha = document.objects.find((object) => object.name === 'Alpha Bear')!;
    expect(alpha.props).toMatchObject({
      stixIds: ['intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6'],
      confidence: 70,
      stixType: 'intrusion-set',
    });
    expect(alpha.resolveByName).toBe(true);
    expect(alpha.names).toEqual([
      { name: 'Alpha Bear', givenBy: 'Example Threat Research', quote: null },
      { name: 'Group Alpha', givenBy: 'Example Threat Research', quote: '(Citation: Example report 2024)' },
    ]);
    expect(JSON.parse(String(alpha.props.externalReferences))).toHaveLength(2);
    const technique = document.objects.find((object) => object.kind === 'AttackPattern')!;
    expect(technique.props.attackIds).toEqual(['T1566.001']);
    expect(document.objects.find((object) => object.kind === 'CourseOfAction')!.props.revoked).toBe(true);
  });

  it('keeps and counts what the model does not map', () => {
    const document = read(bundle());
    expect(document.unknownTypes).toEqual({ 'x-example-widget': 1, 'relationship_type exploits-with-style': 1 });
    expect(document.unknownProperties).toEqual({ 'intrusion-set.x_example_priority': 1 });
    const alpha = document.objects.find((object) => object.name === 'Alpha Bear')!;
    expect(JSON.parse(String(alpha.props.stixExtra))).toEqual({ x_example_priority: 'high' });
    const widget = document.objects.find((object) => object.kind === 'StixObject')!;
    expect(JSON.parse(String(widget.props.stixJson))).toMatchObject({ x_widget_size: 3 });
    const unmapped = document.links.find((link) => link.props.relationshipType === 'exploits-with-style')!;
    expect(unmapped.type).toBe('RELATED_TO');
  });

  it('turns relationships, sightings and report references into links', () => {
    const document = read(bundle());
    const types = document.links.map((link) => `${link.type}${link.required ? '' : '?'}`).sort();
    expect(types).toEqual([
      'ATTRIBUTED_TO',
      'MITIGATES',
      'OBJECT_REF?',
      'OBJECT_REF?',
      'OBJECT_REF?',
      'OBJECT_REF?',
      'RELATED_TO',
      'SIGHTING_OF',
      'TARGETS',
      'USES',
      'USES',
    ]);
  });

  it('skips an object without id, naming its position, and imports the rest', () => {
    const broken = bundle();
    delete broken.objects[3]!.id;
    const document = read(broken);
    expect(document.warnings).toContain('objects[3] "Alpha Bear": id is missing; the object was skipped');
    expect(document.objects.map((object) => object.name)).not.toContain('Alpha Bear');
    expect(document.objects.length).toBeGreaterThan(3);
  });

  it('skips objects with wrong property types, naming every one of them', () => {
    const broken = bundle();
    broken.objects[3]!.confidence = 'high';
    broken.objects[4]!.created = 'yesterday';
    broken.objects[5]!.aliases = 'Operation X';
    const document = read(broken);
    const skipped = document.warnings.filter((warning) => warning.endsWith('the object was skipped'));
    expect(skipped.map((warning) => warning.split(':')[0])).toEqual([
      'objects[3] intrusion-set--0c7e22ad-b099-4dc3-b0df-2ea3f49ae2e6 "Alpha Bear"',
      expect.stringMatching(/^objects\[4\] threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f/),
      expect.stringMatching(/^objects\[5\] campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c/),
    ]);
    expect(skipped[0]).toMatch(/confidence must be a whole number from 0 to 100, got "high"/);
  });

  it('keeps a collection without its list of contents, and refuses what is not a bundle', () => {
    const collection = {
      type: 'x-mitre-collection',
      spec_version: '2.1',
      id: 'x-mitre-collection--dac0d2d7-8653-445c-9bff-82f934c1e858',
      created: '2018-01-17T12:56:55.080Z',
      modified: '2025-04-22T14:00:00.188Z',
      name: 'Mobile ATT&CK',
      x_mitre_version: '17.0',
      x_mitre_contents: Array.from({ length: 30_000 }, (_, i) => ({
        object_ref: `attack-pattern--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        object_modified: '2025-04-22T14:00:00.188Z',
      })),
    };
    const document = read({ type: 'bundle', id: 'bundle--6dfdcb9f-eef2-4d92-b800-a0b918314cb3', objects: [collection] });
    expect(document).toMatchObject({ title: 'Mobile ATT&CK', version: '17.0', warnings: [] });
    expect(document.objects[0]!.props.contentsCount).toBe(30_000);
    expect(String(document.objects[0]!.props.stixJson)).not.toMatch(/x_mitre_contents/);

    expect(() => readImport({ name: 'bad.json', bytes: Buffer.from('{"type": "bundle", "objects": [') })).toThrow(
      /bad.json: is not valid JSON/,
    );
    expect(() => read({ type: 'not-a-bundle' })).toThrow(/neither a STIX bundle/);
    expect(
      read({ type: 'bundle', objects: [{ type: 'malware', id: 'tool--31b940d4-6f7f-459a-80ea-9c1f17b5891b' }] }).warnings,
    ).toEqual([
      'objects[0] tool--31b940d4-6f7f-459a-80ea-9c1f17b5891b: id "tool--31b940d4-6f7f-459a-80ea-9c1f17b5891b" does not start with its type "malware"; the object was skipped',
    ]);
  });

  it('reads a gzipped STIX 2.0 bundle (spec_version on the bundle)', async () => {
    const { gzipSync } = await import('node:zlib');
    const v20 = {
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      spec_version: '2.0',
      objects: bundle().objects.map(({ spec_version: _drop, ...rest }) => rest),
    };
    const document = readImport({ name: 'v20.json.gz', bytes: gzipSync(Buffer.from(JSON.stringify(v20))) });
    expect(document.formatLabel).toBe('STIX 2.0');
    expect(document.objects[0]!.props.specVersion).toBe('2.0');
  });
});

describe('deterministic STIX ids', () => {
  it('are RFC 4122 name-based (v5) UUIDs', () => {
    // The RFC 4122 / Python uuid.uuid5(NAMESPACE_DNS, "python.org") example.
    expect(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidv5('actor:apt31')).toBe(uuidv5('actor:apt31'));
    expect(uuidv5('actor:apt31')).not.toBe(uuidv5('actor:apt28'));
  });
});

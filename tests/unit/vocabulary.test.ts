import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { PROJECT_ROOT } from '../../src/config.js';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { scoreConfidenceText } from '../../src/model/confidence.js';
import { nameKey } from '../../src/model/names.js';
import { formatPartialDate, parsePartialDate, partialDateEnd } from '../../src/model/partialDate.js';
import {
  DATE_BASES,
  DATE_PRECISIONS,
  ENTITY_KINDS,
  ORGANIZATION_TYPES,
  RELATIONSHIP_ENDPOINTS,
  RELATIONSHIP_TYPES,
  endpointProblem,
  RESPONSE_TYPES,
  SOURCE_TYPES,
  STANCES,
  STANCE_BASES,
} from '../../src/model/vocabulary.js';

describe('the vocabulary', () => {
  const schema = buildSchema(loadTypeDefs());
  const values = (name: string): string[] =>
    (schema.getType(name) as GraphQLEnumType)
      .getValues()
      .map((value) => value.name)
      .sort();

  it('is mirrored exactly by the GraphQL enums', () => {
    expect(values('EntityKind')).toEqual([...ENTITY_KINDS].sort());
    expect(values('RelationshipType')).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(values('ResponseType')).toEqual([...RESPONSE_TYPES].sort());
    expect(values('StanceType')).toEqual([...STANCES].sort());
    expect(values('OrganizationType')).toEqual([...ORGANIZATION_TYPES].sort());
    expect(values('SourceType')).toEqual([...SOURCE_TYPES].sort());
    expect(values('DatePrecision')).toEqual([...DATE_PRECISIONS].sort());
    expect(values('StanceBasis')).toEqual([...STANCE_BASES].sort());
    expect(values('DateBasis')).toEqual([...DATE_BASES].sort());
  });
});

describe('the allowed ends of relationships', () => {
  it('are shown exactly by the table in docs/model.md', () => {
    const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/model.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### Allowed ends'), doc.indexOf('### Stances'));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map(([, type, from, to]) => [
      type,
      from!.trim(),
      to!.trim(),
    ]);
    const linkable = ENTITY_KINDS.filter((kind) => kind !== 'Source');
    const cell = (kinds: readonly string[]): string => (kinds.length === linkable.length ? 'any but Source' : kinds.join(', '));
    expect(documented).toEqual(
      Object.entries(RELATIONSHIP_ENDPOINTS).map(([type, { from, to }]) => [type, cell(from), cell(to)]),
    );
    expect(Object.keys(RELATIONSHIP_ENDPOINTS).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('refuse self-links and wrong kinds, naming the kinds allowed', () => {
    const rel = { type: 'SPONSORED_BY' as const, from: 'org:x', to: 'campaign:y' };
    expect(endpointProblem(rel, 'Organization', 'Campaign')).toEqual({
      end: 'from',
      message: 'org:x is an Organization; a SPONSORED_BY relationship starts at ThreatActor, PersonGroup or Person',
    });
    expect(endpointProblem({ ...rel, from: 'actor:a' }, 'ThreatActor', 'Campaign')?.message).toBe(
      'campaign:y is a Campaign; a SPONSORED_BY relationship ends at State or Organization',
    );
    expect(endpointProblem({ ...rel, from: 'actor:a', to: 'actor:a' }, 'ThreatActor', 'ThreatActor')?.end).toBe('to');
    expect(endpointProblem({ ...rel, type: 'RELATED_TO', to: 'source:s' }, 'Organization', 'Source')?.message).toMatch(
      /ends at any kind but a Source$/,
    );
    expect(endpointProblem({ ...rel, from: 'actor:a', to: 'state:cn' }, 'ThreatActor', 'State')).toBeNull();
  });
});

describe('partial dates', () => {
  it('keep the precision the source gave', () => {
    expect(parsePartialDate('2022')).toEqual({ start: '2022-01-01', precision: 'YEAR' });
    expect(parsePartialDate('2024-03')).toEqual({ start: '2024-03-01', precision: 'MONTH' });
    expect(parsePartialDate('2025-05-28')).toEqual({ start: '2025-05-28', precision: 'DAY' });
    expect(formatPartialDate('2024-03-01', 'MONTH')).toBe('2024-03');
    expect(partialDateEnd({ start: '2024-02-01', precision: 'MONTH' })).toBe('2024-02-29');
    expect(partialDateEnd({ start: '2022-01-01', precision: 'YEAR' })).toBe('2022-12-31');
  });

  it('refuse what is not a date, saying why', () => {
    expect(parsePartialDate('late March')).toMatch(/not a date of the form/);
    expect(parsePartialDate('2025-02-30')).toMatch(/not a calendar date/);
    expect(parsePartialDate('2025-13')).toMatch(/not a calendar date/);
  });
});

describe('name keys', () => {
  it('ignore case, accents, spaces and punctuation', () => {
    expect(nameKey('APT31')).toBe('apt31');
    expect(nameKey('apt 31')).toBe('apt31');
    expect(nameKey('Apt-31')).toBe('apt31');
    expect(nameKey('Česká republika')).toBe('ceskarepublika');
    expect(nameKey('APT-C-31')).not.toBe(nameKey('APT31'));
  });
});

describe('confidence words', () => {
  it('score on the STIX 2.1 scale, and give no score to words not in the table', () => {
    expect(scoreConfidenceText('led to a high degree of certainty about the responsible actor')).toBe(85);
    expect(scoreConfidenceText('almost certainly')).toBe(95);
    expect(scoreConfidenceText('very unlikely')).toBe(15);
    expect(scoreConfidenceText('likely')).toBe(70);
    expect(scoreConfidenceText('we think so')).toBeNull();
  });
});

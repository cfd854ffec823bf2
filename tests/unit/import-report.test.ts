import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/ingest/importData.js';
import { formatImportReport } from '../../src/ingest/report.js';

describe('the import summary', () => {
  it('shows the file header and then the created / updated / unchanged tables', () => {
    const report: ImportReport = {
      file: 'enterprise-attack-18.1.json.gz',
      format: 'STIX 2.0',
      source: null,
      objects: 24_771,
      apply: {
        origin: 'enterprise-attack-18.1.json.gz',
        entities: { ThreatActor: { created: 186, updated: 1, unchanged: 0 } },
        relationships: { USES: { created: 17_270, updated: 0, unchanged: 0 } },
        aliases: 10,
        unchanged: false,
      },
      merges: [],
      absorbed: [],
      splits: [],
      possiblySameAs: { added: 0, removed: 0 },
      ambiguities: [],
      olderVersionsKept: 0,
      restored: 0,
      unknownTypes: {},
      unknownProperties: {},
      warnings: [],
      anomalies: [],
      unchanged: false,
    };
    const lines = formatImportReport(report).split('\n');
    expect(lines[0]).toBe('enterprise-attack-18.1.json.gz (STIX 2.0, 24,771 objects): applied');
    expect(lines[1]).toBe('  entities');
    expect(lines[2]).toMatch(/ThreatActor\s+created\s+186\s+updated\s+1\s+unchanged\s+0/);
    expect(lines).toContain('  relationships');
    expect(lines.some((line) => /USES\s+created\s+17270/.test(line))).toBe(true);
  });
});

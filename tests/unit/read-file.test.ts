import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileForImport } from '../../src/ingest/readFile.js';

const limits = { maxBytes: 1_000_000, maxDepth: 20, stageAbove: 50_000 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-file-'));

function file(name: string, content: Buffer | string): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading an import file as a stream', () => {
  const bundle = {
    type: 'bundle',
    id: 'bundle--1',
    objects: [{ type: 'malware', id: 'malware--1', name: 'x', n: 1.5, ok: true, none: null }],
  };

  it('parses plain and gzipped JSON to the value JSON.parse gives, hashing the file as stored', async () => {
    const text = JSON.stringify(bundle);
    const plain = await readFileForImport(file('b.json', `\n  ${text}`), 'b.json', limits);
    expect(plain.content).toEqual({ kind: 'json', value: bundle });
    expect(plain.sha256).toBe(createHash('sha256').update(`\n  ${text}`).digest('hex'));
    const gz = gzipSync(Buffer.from(text));
    const zipped = await readFileForImport(file('b.json.gz', gz), 'b.json.gz', limits);
    expect(zipped.content).toEqual({ kind: 'json', value: bundle });
    expect(zipped.sha256).toBe(createHash('sha256').update(gz).digest('hex'));
  });

  it('reads anything that does not start as JSON as text (a CSV)', async () => {
    expect((await readFileForImport(file('e.csv', 'ID,name\n1,x\n'), 'e.csv', limits)).content).toEqual({
      kind: 'text',
      text: 'ID,name\n1,x\n',
    });
  });

  it('stops a gzip that inflates past the limit, naming the setting', async () => {
    const bomb = file(
      'bomb.json.gz',
      gzipSync(Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(50_000_000, 0x61), Buffer.from('"}')])),
    );
    await expect(readFileForImport(bomb, 'bomb.json.gz', limits)).rejects.toThrow(
      /bomb\.json\.gz.*larger than 1,000,000 bytes once inflated \(IMPORT_MAX_BYTES\)/s,
    );
  });

  it('stops reading a file larger than the limit at the limit, however large the file (never read whole)', async () => {
    // A sparse 3 GB file: reading it whole would need 3 GB (and Node refuses buffers over 2 GB).
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, 'ID,');
    fs.truncateSync(huge, 3 * 1024 ** 3);
    await expect(readFileForImport(huge, 'huge.csv', limits)).rejects.toThrow(/larger than 1,000,000 bytes \(IMPORT_MAX_BYTES\)/);
  });

  it('refuses nesting deeper than the limit without overflowing the stack, and ignores brackets inside strings', async () => {
    const deep = file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    await expect(readFileForImport(deep, 'deep.json', limits)).rejects.toThrow(/deeper than 20 levels \(IMPORT_MAX_DEPTH\)/);
    const brackets = { a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\\"[[[' };
    expect((await readFileForImport(file('ok.json', JSON.stringify(brackets)), 'ok.json', limits)).content).toEqual({
      kind: 'json',
      value: brackets,
    });
  });

  it('names invalid and truncated JSON', async () => {
    await expect(readFileForImport(file('bad.json', '{"a": tru}'), 'bad.json', limits)).rejects.toThrow(
      /bad\.json.*is not valid JSON/s,
    );
    await expect(readFileForImport(file('cut.json', '{"a": [1, 2'), 'cut.json', limits)).rejects.toThrow(
      /cut\.json.*is not valid JSON/s,
    );
    await expect(readFileForImport(file('bad.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3])), 'bad.gz', limits)).rejects.toThrow(
      /bad\.gz/,
    );
  });
});

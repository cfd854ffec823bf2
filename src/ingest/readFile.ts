import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline, Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import parserStream from 'stream-json';
import Assembler from 'stream-json/assembler.js';
import { ChangesetError } from '../write/changeset.js';
import { refuse, tooLarge, type ImportLimits } from './bounds.js';

/**
 * Reads an import file from disk as a stream: gzip inflated on the fly, JSON parsed token by token
 * (stream-json) into the document, so that neither the file's bytes nor its text are ever held whole
 * beside the parsed document. The size and nesting bounds are checked as the stream goes, and the
 * stream stops at the first one crossed. Only a CSV (EuRepoC) is read as text, whole, as its
 * reader needs it.
 */

export type FileContent = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

export interface ReadFile {
  content: FileContent;
  /** Of the file as stored (gzipped or not): the Source's identity, as for an import of bytes. */
  sha256: string;
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Passes the file's bytes through, hashing them as they go. */
function hashing(hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** Passes bytes through until more than the limit went by, then fails the stream naming the setting. */
function byteLimit(origin: string, limits: ImportLimits, gzipped: boolean): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limits.maxBytes) done(tooLarge(origin, limits, gzipped));
      else done(null, chunk);
    },
  });
}

/** The file's content as a stream of bytes, inflated if gzipped, bounded in size, hashed as stored. */
function contentStream(file: string, origin: string, limits: ImportLimits, hash: Hash, gzipped: boolean): Readable {
  const limit = byteLimit(origin, limits, gzipped);
  // pipeline destroys every stage with the first error, so that it reaches whoever reads the last.
  const ignore = (): void => undefined;
  const raw = fs.createReadStream(file);
  if (gzipped) return pipeline(raw, hashing(hash), zlib.createGunzip(), limit, ignore);
  return pipeline(raw, hashing(hash), limit, ignore);
}

function firstSignificantByte(chunk: Buffer): number | undefined {
  for (const byte of chunk) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
  return undefined;
}

async function readText(source: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON stream into its value, refusing nesting deeper than the limit as soon as it is seen. */
function parseJson(source: Readable, origin: string, limits: ImportLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tokens = parserStream({ streamValues: false });
    let depth = 0;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      source.destroy();
      tokens.destroy();
      reject(error instanceof ChangesetError ? error : refuse(origin, `is not valid JSON: ${error.message}`));
    };
    // Registered before the assembler's listener: a token too deep never reaches it.
    tokens.on('data', (token: { name: string }) => {
      if (token.name === 'startObject' || token.name === 'startArray') {
        depth += 1;
        if (depth > limits.maxDepth)
          fail(refuse(origin, `nests arrays and objects deeper than ${limits.maxDepth} levels (IMPORT_MAX_DEPTH)`));
      } else if (token.name === 'endObject' || token.name === 'endArray') depth -= 1;
    });
    const assembler = Assembler.connectTo(tokens);
    tokens.on('end', () => {
      if (settled) return;
      settled = true;
      if (assembler.done) resolve(assembler.current);
      else reject(refuse(origin, 'is not valid JSON: it ends before its value does'));
    });
    tokens.on('error', fail);
    // The file's own failures (unreadable, a damaged gzip, a bound crossed) are named by the caller.
    source.on('error', (error) => {
      if (settled) return;
      settled = true;
      tokens.destroy();
      reject(error);
    });
    source.pipe(tokens);
  });
}

async function readContent(source: Readable, origin: string, limits: ImportLimits): Promise<FileContent> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  async function* whole(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const byte = firstSignificantByte(head);
  if (byte !== 0x7b && byte !== 0x5b) return { kind: 'text', text: await readText(whole()) };
  return { kind: 'json', value: await parseJson(Readable.from(whole()), origin, limits) };
}

/** Reads a file for import: JSON (a STIX bundle, a MISP galaxy) parsed as a stream, anything else as text. */
export async function readFileForImport(file: string, origin: string, limits: ImportLimits): Promise<ReadFile> {
  const gzipped = isGzip(file);
  const hash = createHash('sha256');
  try {
    const content = await readContent(contentStream(file, origin, limits, hash, gzipped), origin, limits);
    return { content, sha256: hash.digest('hex') };
  } catch (error) {
    if (error instanceof ChangesetError) throw error;
    throw refuse(origin, `${gzipped ? 'is not a readable gzip file' : 'could not be read'}: ${(error as Error).message}`);
  }
}

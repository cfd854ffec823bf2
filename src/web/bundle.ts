import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

/**
 * The browser code of web/ (the playground and the graph view), bundled with esbuild from the
 * packages npm installed: nothing is fetched from a CDN, so both pages work with no internet.
 * Built in memory on first request and kept for the life of the process, so nothing generated is
 * committed or written to disk, and a fresh clone needs only `npm install && npm start`.
 */

export const WEB_DIR = path.join(PROJECT_ROOT, 'web');

export interface Asset {
  contentType: string;
  body: Buffer;
}

/** Entry points by page; each gives <page>.js and <page>.css. */
const ENTRY_POINTS = {
  playground: path.join(WEB_DIR, 'playground/main.tsx'),
  explore: path.join(WEB_DIR, 'explore/main.ts'),
};

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

async function build(): Promise<Map<string, Asset>> {
  // Imported here so that an API that never serves the pages never loads esbuild.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: ENTRY_POINTS,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/assets',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    assets.set(name, {
      contentType: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
      body: Buffer.from(file.contents),
    });
  }
  return assets;
}

let pending: Promise<Map<string, Asset>> | undefined;

/** The built assets by file name (playground.js, explore.css, …); built once per process. */
export function webAssets(): Promise<Map<string, Asset>> {
  pending ??= build().catch((error: unknown) => {
    // A failed build is retried at the next request rather than cached.
    pending = undefined;
    throw error;
  });
  return pending;
}

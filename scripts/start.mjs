// `npm start`: runs the API from JavaScript that esbuild builds from src/ once and again only when
// a source changes (a hash of src/, tsconfig.json and the esbuild version, like the launcher's
// stamp), rather than through tsx, which transpiles every module at each start and source-maps
// every stack trace (the driver captures one per query). Plain JavaScript, so it needs no loader.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// dist/main.js sits one level below the root, as src/main.ts does: src/config.ts finds the project
// root (cypher/, seed/, web/) as the parent of its module's directory.
const OUT_FILE = path.join(ROOT, 'dist', 'main.js');
const STAMP_FILE = path.join(ROOT, 'dist', 'main.stamp');

function sourceFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

async function sourceStamp(esbuildVersion) {
  const hash = createHash('sha256').update(esbuildVersion);
  // This script too: a change to the build options must rebuild.
  const inputs = [...sourceFiles(path.join(ROOT, 'src')), path.join(ROOT, 'tsconfig.json'), fileURLToPath(import.meta.url)];
  for (const file of inputs) {
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds dist/main.js unless it is already built from these sources; returns its path. */
export async function buildApi() {
  const esbuild = await import('esbuild');
  const stamp = await sourceStamp(esbuild.version);
  if (fs.existsSync(OUT_FILE) && fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, 'utf8') === stamp) return OUT_FILE;
  // Written aside and renamed, so that two starts at once never run a half-written file.
  const temporary = `${OUT_FILE}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'main.ts')],
    outfile: temporary,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // The Node of package.json's engines: with 'node20' (20.0, before import attributes) esbuild drops
    // the `with { type: 'json' }` of a JSON import, and Node then refuses to load the module.
    target: 'node20.19',
    // A map beside the file for debugging; Node reads it only with --enable-source-maps.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  fs.renameSync(`${temporary}.map`, `${OUT_FILE}.map`);
  fs.writeFileSync(
    temporary,
    fs.readFileSync(temporary, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '//# sourceMappingURL=main.js.map'),
  );
  fs.renameSync(temporary, OUT_FILE);
  fs.writeFileSync(STAMP_FILE, stamp);
  return OUT_FILE;
}

// `node scripts/start.mjs --build-only` builds without starting (the Docker image builds at build time).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const main = await buildApi();
  // Production unless told otherwise, as in the Docker image: graphql-js then checks its types with
  // a plain instanceof rather than a cross-realm check (a hundredth of the API's CPU on a list of
  // links). Set here because graphql reads it once, when it loads.
  process.env.NODE_ENV ??= 'production';
  if (!process.argv.includes('--build-only')) await import(pathToFileURL(main).href);
}

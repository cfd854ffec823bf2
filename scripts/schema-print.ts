import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { PRINTED_SCHEMA_FILE, printedSchema } from '../src/graphql/schema.js';

/**
 * `npm run schema:print` writes the API's schema, printed as one SDL file, to schema.graphql for
 * clients (graphql-codegen, editors, Relay's compiler). `npm run schema:check` (--check) fails
 * when the committed file is not what schema/*.graphql prints.
 */
const check = process.argv.includes('--check');
const printed = printedSchema();
const shown = path.relative(PROJECT_ROOT, PRINTED_SCHEMA_FILE);
if (check) {
  const committed = fs.existsSync(PRINTED_SCHEMA_FILE) ? fs.readFileSync(PRINTED_SCHEMA_FILE, 'utf8') : '';
  if (committed !== printed) {
    process.stderr.write(`${shown} is stale: run \`npm run schema:print\` and commit it.\n`);
    process.exit(1);
  }
  process.stdout.write(`${shown} is current.\n`);
} else {
  fs.writeFileSync(PRINTED_SCHEMA_FILE, printed);
  process.stdout.write(`wrote ${shown}\n`);
}

// Lint rules, including the layering the codebase keeps (docs/architecture.md):
// only src/db talks to the driver; the layers below the API (model, db, ingest, export, editing,
// auth) never import the API (src/graphql, src/server.ts, src/web); import and export share the
// STIX vocabulary through src/stix and never import each other; the write path (src/write) is
// below the importers, the export and the mutations, and imports none of them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const driverOnlyInDb = {
  group: ['neo4j-driver', 'neo4j-driver/*', 'neo4j-driver-*'],
  message: 'Only src/db talks to the Neo4j driver: go through Database (src/db/database.ts).',
};
const apiLayer = {
  group: ['**/graphql/**', '**/graphql.js', '**/server.js', '**/web/**', '**/generated/**'],
  message: 'The layers below the API must not import it (src/graphql, src/generated, src/server.ts, src/web).',
};
const exportFromIngest = {
  group: ['**/export/**'],
  message: 'Import (src/ingest) must not import export: share code through src/stix or src/model.',
};
const ingestFromExport = {
  group: ['**/ingest/**'],
  message: 'Export (src/export) must not import ingest: share code through src/stix or src/model.',
};

const aboveWritePath = {
  group: ['**/ingest/**', '**/export/**', '**/editing/**'],
  message: 'The write path (src/write) is below the importers, the export and the mutations: it must not import them.',
};

const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'src/generated/',
      'examples/client/gql/',
      '.neo4j/',
      'neo4j-launcher/target/',
      'artifacts/',
      'bench/results/',
      'coverage/',
      'dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Tests read GraphQL answers as loose JSON and check them field by field.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // bench/ is exempt: its floor measures the driver alone, without the API's Database module.
  { files: ['src/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'], rules: { 'no-restricted-imports': restrict(driverOnlyInDb) } },
  // The tests of src/db's value conversion and error mapping build the driver's own types and errors.
  { files: ['tests/unit/values.test.ts', 'tests/unit/errors.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/db/**/*.ts'], rules: { 'no-restricted-imports': restrict(apiLayer) } },
  {
    files: ['src/{model,auth,editing,stix,read,synthetic}/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(driverOnlyInDb, apiLayer) },
  },
  { files: ['src/write/**/*.ts'], rules: { 'no-restricted-imports': restrict(driverOnlyInDb, apiLayer, aboveWritePath) } },
  { files: ['src/ingest/**/*.ts'], rules: { 'no-restricted-imports': restrict(driverOnlyInDb, apiLayer, exportFromIngest) } },
  { files: ['src/export/**/*.ts'], rules: { 'no-restricted-imports': restrict(driverOnlyInDb, apiLayer, ingestFromExport) } },
);

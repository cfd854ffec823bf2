import type { CodegenConfig } from '@graphql-codegen/cli';

// A front-end's codegen config (docs/clients.md): graphql-codegen's client preset reads the printed
// schema and the operations written in examples/client/*.ts, and generates a typed `graphql()`
// function into examples/client/gql/. The project's own codegen.ts includes it, so
// `npm run codegen:check` keeps the committed output current.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/client/**/*.ts', '!examples/client/gql/**'],
  generates: {
    'examples/client/gql/': {
      preset: 'client',
      presetConfig: {
        // Plain strings (TypedDocumentString): fetch can send them, no GraphQL library at run time.
        fragmentMasking: false,
        // Each operation carries its SHA-256: sent alone as an automatic persisted query.
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // ESM with NodeNext resolution: relative imports need their .js extension.
        emitLegacyCommonJSImports: false,
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;

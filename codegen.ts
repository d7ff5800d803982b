import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for clients from schema/operations, and the persisted-document hashes that
 * schema/src/manifest.ts turns into Apollo's persisted query manifest for partners.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'packages/client/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', mode: 'replaceDocument' },
      },
      config: { scalars: { DateTime: 'string' }, enumsAsTypes: true },
    },
  },
};

export default config;

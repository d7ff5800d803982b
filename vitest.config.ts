import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const src = (path: string) => resolve(__dirname, path, 'src/index.ts');

// swc, like the build, so decorator metadata is emitted for type-graphql and TypeORM classes
export default defineConfig({
  plugins: [
    swc.vite({
      tsconfigFile: false,
      swcrc: false,
      module: { type: 'es6' },
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
    }),
  ],
  resolve: {
    alias: [
      // the CommonJS graphql that @apollo/* and type-graphql load, as in the build: the ES module build would be a
      // second instance whose GraphQLError the servers' instanceof checks do not recognise
      { find: /^graphql$/, replacement: resolve(__dirname, 'node_modules/graphql/index.js') },
      ...Object.entries({
        '@link-archive/core': src('packages/core'),
        '@link-archive/federation': src('packages/federation'),
        '@link-archive/devstack': src('packages/devstack'),
        '@link-archive/testkit': src('packages/testkit'),
        '@link-archive/queues': src('packages/queues'),
        '@link-archive/storage': src('packages/storage'),
        '@link-archive/events': src('packages/events'),
        '@link-archive/link-domain': src('packages/link-domain'),
        '@link-archive/media-domain': src('packages/media-domain'),
        '@link-archive/ai': src('packages/ai'),
        '@link-archive/review-domain': src('packages/review-domain'),
        '@link-archive/feed-domain': src('packages/feed-domain'),
        '@link-archive/client': src('packages/client'),
        '@link-archive/bench-federation': resolve(__dirname, 'bench/federation/src/index.ts'),
      }).map(([find, replacement]) => ({ find, replacement })),
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'subgraphs/*/src/**/*.test.ts',
      'gateway/src/**/*.test.ts',
      'workers/src/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    globalSetup: ['packages/testkit/src/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    // integration files share one stack and read its counters, so files run one at a time
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});

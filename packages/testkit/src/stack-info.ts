import type { StackSecrets, SubgraphName } from '@link-archive/devstack';

/** What the global setup started, handed to every test file through vitest's provide/inject. */
export interface StackInfo {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  secrets: StackSecrets;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  logDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

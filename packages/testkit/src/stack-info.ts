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
  s3Endpoint: string;
  s3Bucket: string;
  /** The one port of 127.0.0.1 the stack's crawler may reach (CRAWLER_ALLOWED_HOSTS): tests serve sites there. */
  sitePort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

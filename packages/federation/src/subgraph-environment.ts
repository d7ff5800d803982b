import { booleanFlag, optionalString, port } from '@link-archive/core';
import { z } from 'zod';

/** The settings every subgraph shares; each subgraph's environment.ts extends it. */
export const subgraphEnvironment = (defaultPort: number) =>
  z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port(defaultPort),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the embedded stack)'),
    GATEWAY_SECRET: z.string().min(32, 'GATEWAY_SECRET must be at least 32 characters'),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().default('la:'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    MIGRATE_ON_START: booleanFlag(true),
    LOG_LEVEL: optionalString(),
  });

export type SubgraphEnvironment = z.infer<ReturnType<typeof subgraphEnvironment>>;

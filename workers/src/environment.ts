import { optionalString, parseEnvironment } from '@link-archive/core';
import { z } from 'zod';

export const workersEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('la:'),
  /** Comma-separated processors to run in this process; empty runs all registered ones. */
  WORKERS: z.string().default(''),
  LOG_LEVEL: optionalString(),
});
export type WorkersEnvironment = z.infer<typeof workersEnvironment>;

export const loadEnvironment = (): WorkersEnvironment => parseEnvironment(workersEnvironment);

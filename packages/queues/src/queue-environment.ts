import { z } from 'zod';

/** Retry settings every enqueuing deployable shares (the link subgraph and the workers). */
export const queueEnvironment = z.object({
  /** Attempts of a job that fails for a transient reason (timeouts, 5xx, Redis or S3 hiccups). */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The first retry's delay; each next one doubles it. */
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
});
export type QueueEnvironment = z.infer<typeof queueEnvironment>;

export const retryPolicy = (env: QueueEnvironment) => ({
  attempts: env.JOB_ATTEMPTS,
  backoffMs: env.JOB_BACKOFF_MS,
});

import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

/**
 * Interactive work (a person just saved a link) and bulk work (recrawls, imports) run on separate
 * queues with their own workers, so bulk never starves a person waiting.
 */
export type Lane = 'interactive' | 'bulk';

/** A queue's contract: its name, the payload every job must match, and default job options. */
export interface QueueContract<P extends z.ZodType> {
  name: string;
  payload: P;
  defaults: JobsOptions;
  /** The job id for a payload, so enqueueing the same work twice makes one job (BullMQ forbids ':'). */
  jobId: (payload: z.infer<P>) => string;
}

export function defineQueue<P extends z.ZodType>(contract: QueueContract<P>): QueueContract<P> {
  return contract;
}

export const queueName = (contract: QueueContract<z.ZodType>, lane: Lane) =>
  lane === 'interactive' ? contract.name : `${contract.name}-bulk`;

/** Retries with exponential backoff; failed jobs stay a week for inspection, finished ones a day. */
export const RETRYING: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 86_400, count: 10_000 },
  removeOnFail: { age: 7 * 86_400, count: 50_000 },
};

import { Queue, type ConnectionOptions } from 'bullmq';
import type { z } from 'zod';
import { queueName, type Lane, type QueueContract } from './define-queue';

/**
 * BullMQ keeps its own key prefix (it does not support ioredis' keyPrefix); the deployment's REDIS_PREFIX
 * becomes it, so test runs and deployments sharing a Redis never see each other's jobs.
 */
export const bullPrefix = (redisPrefix: string) => `${redisPrefix}bull`;

export class Enqueuer {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly redisPrefix: string,
    /** Overrides the retrying contracts' attempts and first backoff (JOB_ATTEMPTS, JOB_BACKOFF_MS). */
    private readonly retry?: { attempts: number; backoffMs: number },
  ) {}

  /** Validates the payload against the contract and adds the job; the same work twice is one job. */
  async enqueue<P extends z.ZodType>(
    contract: QueueContract<P>,
    payload: z.input<P>,
    lane: Lane = 'interactive',
    options: { delay?: number } = {},
  ) {
    const data = contract.payload.parse(payload);
    const retrying = this.retry && contract.defaults.backoff;
    return this.queue(queueName(contract, lane)).add(contract.name, data, {
      ...contract.defaults,
      ...(retrying && {
        attempts: this.retry!.attempts,
        backoff: { type: 'exponential', delay: this.retry!.backoffMs },
      }),
      ...options,
      jobId: contract.jobId(data),
    });
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: bullPrefix(this.redisPrefix) });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

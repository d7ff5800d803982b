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
  ) {}

  /** Validates the payload against the contract and adds the job; the same work twice is one job. */
  async enqueue<P extends z.ZodType>(
    contract: QueueContract<P>,
    payload: z.infer<P>,
    lane: Lane = 'interactive',
  ) {
    const data = contract.payload.parse(payload);
    return this.queue(queueName(contract, lane)).add(contract.name, data, {
      ...contract.defaults,
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

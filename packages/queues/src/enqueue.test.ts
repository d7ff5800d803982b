import { randomUUID } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import { isolatedRedis } from '@link-archive/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlQueue } from './contracts';
import { Enqueuer, bullPrefix } from './enqueue';

// a real Redis, with a prefix of this test's own
const redisSpace = isolatedRedis('queues_test');
const connection = { url: redisSpace.url };
const prefix = redisSpace.prefix;
const enqueuer = new Enqueuer(connection, prefix);

const workers: Worker[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await enqueuer.close();
  await redisSpace.cleanup();
});

describe('Enqueuer', () => {
  it('refuses a payload that breaks the contract', async () => {
    await expect(enqueuer.enqueue(crawlQueue, { linkId: 'not-a-uuid', generation: 1 })).rejects.toThrow(
      /uuid/i,
    );
  });

  it('makes one job for the same work enqueued twice, and keeps lanes apart', async () => {
    const linkId = randomUUID();
    const first = await enqueuer.enqueue(crawlQueue, { linkId, generation: 1 });
    const second = await enqueuer.enqueue(crawlQueue, { linkId, generation: 1 });
    expect(second.id).toBe(first.id);
    expect(await enqueuer.queue('crawl').getWaitingCount()).toBe(1);
    await enqueuer.enqueue(crawlQueue, { linkId, generation: 1 }, 'bulk');
    expect(await enqueuer.queue('crawl-bulk').getWaitingCount()).toBe(1);
  });

  it('delivers the validated payload to a worker on the same prefix', async () => {
    const linkId = randomUUID();
    const seen = new Promise<Job>((resolve) => {
      const worker = new Worker(
        'crawl',
        async (job) => {
          if (job.data.linkId === linkId) resolve(job);
        },
        { connection: { ...connection, maxRetriesPerRequest: null }, prefix: bullPrefix(prefix) },
      );
      workers.push(worker);
    });
    await enqueuer.enqueue(crawlQueue, { linkId, generation: 1 });
    const job = await seen;
    expect(job.data).toEqual({ linkId, generation: 1, refresh: false });
    expect(job.opts.attempts).toBe(5);
  });
});

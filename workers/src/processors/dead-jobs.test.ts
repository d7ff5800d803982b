import { randomUUID } from 'node:crypto';
import { createLogger } from '@link-archive/core';
import { bullPrefix } from '@link-archive/queues';
import { isolatedRedis } from '@link-archive/testkit';
import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { WorkerDeps } from '../worker-deps';
import { watchDeadJobs } from './dead-jobs';

const redisSpace = isolatedRedis('dead_jobs');
const connection = { url: redisSpace.url, maxRetriesPerRequest: null };
const deps = { connection, logger: createLogger('test', 'silent') } as unknown as WorkerDeps;
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  await redisSpace.cleanup();
});

const STALLED = 'job stalled more than allowable limit';

/** A queue, its dead-job watcher recording what it gave up on, and a manual worker to run jobs by hand. */
async function lane() {
  const queue = new Queue(`dead-${randomUUID().slice(0, 8)}`, {
    connection,
    prefix: bullPrefix(redisSpace.prefix),
  });
  const givenUp: { data: unknown; code: string }[] = [];
  const events = watchDeadJobs<{ n: number }>(
    deps,
    queue,
    async (data, code) => void givenUp.push({ data, code }),
  );
  const worker = new Worker(queue.name, null, { connection, prefix: bullPrefix(redisSpace.prefix) });
  closers.push(
    () => worker.close(),
    () => events.close(),
    () => queue.close(),
  );
  await events.waitUntilReady();
  /** Takes the next job as a worker would, then fails it as BullMQ (or the processor) would. */
  const runAndFail = async (reason: string) => {
    const token = randomUUID();
    const job = (await worker.getNextJob(token)) as Job;
    await job.moveToFailed(new Error(reason), token, false);
    return job;
  };
  return { queue, givenUp, runAndFail };
}

describe('dead jobs', () => {
  it('takes a stalled-out job back once more, then gives it up with JOB_STALLED', async () => {
    const { queue, givenUp, runAndFail } = await lane();
    const job = await queue.add('crawl', { n: 1 }, { attempts: 1 });
    await runAndFail(STALLED);
    await vi.waitFor(async () => expect(await queue.getJobState(job.id!)).toBe('waiting'), {
      timeout: 5_000,
    });
    expect(givenUp).toEqual([]);
    await runAndFail(STALLED);
    await vi.waitFor(() => expect(givenUp).toEqual([{ data: { n: 1 }, code: 'JOB_STALLED' }]), {
      timeout: 5_000,
    });
  });

  it('gives up a job whose last attempt failed outside the processor, and not one BullMQ will retry', async () => {
    const { queue, givenUp, runAndFail } = await lane();
    await queue.add('crawl', { n: 2 }, { attempts: 2 });
    await runAndFail('connection lost');
    // the second attempt's failure arrives after the first's: when it is given up, the first was not
    await vi.waitFor(async () => expect(await queue.getWaitingCount()).toBe(1), { timeout: 5_000 });
    await runAndFail('connection lost');
    await vi.waitFor(() => expect(givenUp).toEqual([{ data: { n: 2 }, code: 'JOB_FAILED' }]), {
      timeout: 5_000,
    });
  });
});

import { Job, QueueEvents, type Queue } from 'bullmq';
import type { WorkerDeps } from '../worker-deps';

/** How often a job may stall (its worker died, or missed its lock renewal) before the lane stops taking it back. */
export const MAX_STALLS = 3;
/** Runs a job may start in all before a stalled-out one is given up rather than retried once more. */
const MAX_RUNS_FACTOR = 2;

const STALLED = 'stalled more than allowable limit';

/**
 * A job BullMQ fails without the processor settling its row (stalled past MAX_STALLS, or its last attempt
 * ended by an error outside the processor's own handling) would leave the row in a pipeline state for good.
 * Every process running the lane watches its failed events: a stalled-out job is taken back once more while
 * it has runs left, and otherwise `giveUp` records a FAILED code on the row. Both are idempotent (several
 * processes see the same event; a row already settled is left as it is).
 */
export function watchDeadJobs<T>(
  deps: WorkerDeps,
  queue: Queue,
  giveUp: (data: T, code: string) => Promise<unknown>,
): QueueEvents {
  const events = new QueueEvents(queue.name, { connection: deps.connection, prefix: queue.opts.prefix });
  events.on('failed', ({ jobId, failedReason }) => {
    void (async () => {
      const job = await Job.fromId<T>(queue, jobId);
      if (!job) return;
      const stalled = failedReason.includes(STALLED);
      const attempts = job.opts.attempts ?? 1;
      if (stalled && (job.attemptsStarted ?? 0) < attempts * MAX_RUNS_FACTOR) {
        await job.retry('failed').catch(() => {}); // another process may have taken it back already
        return;
      }
      if (!stalled && job.attemptsMade < attempts) return; // BullMQ retries it
      await giveUp(job.data, stalled ? 'JOB_STALLED' : 'JOB_FAILED');
    })().catch((err) => deps.logger.error({ err, queue: queue.name, jobId }, 'could not settle a dead job'));
  });
  events.on('error', (err) => deps.logger.warn({ err, queue: queue.name }, 'queue events error'));
  return events;
}

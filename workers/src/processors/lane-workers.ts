import { bullPrefix, queueName, type Lane, type QueueContract } from '@link-archive/queues';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { z } from 'zod';
import type { Running } from '../registry';
import type { WorkerDeps } from '../worker-deps';
import { MAX_STALLS, watchDeadJobs } from './dead-jobs';

export interface JobRun<T> {
  job: Job<T>;
  /** The job's lock token, for moving it to the delayed set. */
  token: string | undefined;
  lane: Lane;
  worker: Worker;
}

/**
 * One BullMQ worker per lane for a queue contract: the interactive lane gets the configured concurrency,
 * the bulk lane a quarter of it, so recrawls and imports never hold up a person waiting for a card.
 */
export function laneWorkers<P extends z.ZodType>(
  deps: WorkerDeps,
  contract: QueueContract<P>,
  concurrency: number,
  process: (run: JobRun<z.output<P>>) => Promise<unknown>,
  /** Records a FAILED code on the job's row when BullMQ fails it without the processor (see dead-jobs). */
  giveUp?: (data: z.output<P>, code: string) => Promise<unknown>,
): Running[] {
  return (['interactive', 'bulk'] as const).flatMap((lane): Running[] => {
    const worker: Worker = new Worker(
      queueName(contract, lane),
      async (job: Job, token?: string) => {
        const parsed = contract.payload.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`payload breaks the ${contract.name} contract`);
        job.data = parsed.data;
        return process({ job, token, lane, worker });
      },
      {
        connection: deps.connection,
        prefix: bullPrefix(deps.env.REDIS_PREFIX),
        concurrency: lane === 'interactive' ? concurrency : Math.max(1, Math.ceil(concurrency / 4)),
        lockDuration: deps.env.JOB_LOCK_MS,
        stalledInterval: deps.env.JOB_LOCK_MS,
        // a job whose worker died is taken back this often before BullMQ fails it (then see dead-jobs)
        maxStalledCount: MAX_STALLS,
      },
    );
    worker.on('failed', (job, err) =>
      deps.logger.warn({ queue: worker.name, jobId: job?.id, err: err.message }, 'job failed'),
    );
    worker.on('error', (err) => deps.logger.error({ queue: worker.name, err }, 'worker error'));
    if (!giveUp) return [worker];
    const dead = watchDeadJobs(deps, deps.enqueuer.queue(queueName(contract, lane)), giveUp);
    return [worker, { name: `${worker.name}-dead-jobs`, close: () => dead.close() }];
  });
}

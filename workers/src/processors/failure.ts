import type { Logger } from '@link-archive/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { FetchError } from '../http/fetch-error';
import { AiCallError } from '@link-archive/ai';
import { ImageError } from '../thumbnails/process-image';

/** The code a failure records on its link or asset, and whether a retry could help. */
export function failureOf(err: unknown): { code: string; permanent: boolean } {
  if (err instanceof FetchError || err instanceof AiCallError)
    return { code: err.code, permanent: err.permanent };
  if (err instanceof ImageError) return { code: err.code, permanent: true };
  return { code: 'INTERNAL_ERROR', permanent: false };
}

/**
 * Ends a job whose failure is already recorded on its row: no retry, and the job stays in the failed set
 * (Bull Board) with the reason, for inspection.
 */
export function recordedFailure(code: string, err?: unknown): UnrecoverableError {
  const detail = err instanceof Error ? `: ${err.message}` : '';
  return new UnrecoverableError(`${code}${detail}`.slice(0, 500));
}

/** Whether this is the job's last attempt: a transient failure then becomes the row's recorded error. */
const lastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * What every processor does with an error: a transient one is thrown again while attempts remain (BullMQ
 * retries it with backoff); otherwise its code is recorded on the row and the job ends without a retry.
 * An unexpected error is logged, and recorded as `internalCode`.
 */
export async function settleFailure(
  run: { job: Job; logger: Logger; context: Record<string, unknown> },
  err: unknown,
  record: (code: string) => Promise<unknown>,
  internalCode = 'INTERNAL_ERROR',
): Promise<never> {
  const failure = failureOf(err);
  if (!failure.permanent && !lastAttempt(run.job)) throw err;
  const internal = failure.code === 'INTERNAL_ERROR';
  if (internal) run.logger.error({ err, ...run.context, queue: run.job.queueName }, 'job failed');
  const code = internal ? internalCode : failure.code;
  await record(code);
  throw recordedFailure(code, err);
}

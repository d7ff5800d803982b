import { UnrecoverableError } from 'bullmq';
import { FetchError } from '../http/fetch-error';
import { AiTagError } from '../tagging/ai-tagger';
import { ImageError } from '../thumbnails/process-image';

/** The code a failure records on its link or asset, and whether a retry could help. */
export function failureOf(err: unknown): { code: string; permanent: boolean } {
  if (err instanceof FetchError || err instanceof AiTagError)
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

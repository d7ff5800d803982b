import { linksInPipelineSince, linksWithImageSince } from '@link-archive/link-domain';
import type { ThumbnailAssets } from '@link-archive/media-domain';
import { reviewsAwaitingAnalysis } from '@link-archive/review-domain';
import {
  crawlQueue,
  reviewAnalysisQueue,
  queueName,
  tagQueue,
  thumbnailQueue,
  type Enqueuer,
  type QueueContract,
} from '@link-archive/queues';
import type { Pool } from 'pg';
import type { z } from 'zod';

const BATCH = 500;
/** How far back thumbnails are reconciled; an older link gets a new one when it is recrawled. */
const THUMBNAIL_WINDOW_HOURS = 24;
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * PostgreSQL is the source of truth and Redis may lose everything: links that have sat in a pipeline state
 * for a while without a live job get their job again (a finished or failed job of the same id is replaced),
 * on the bulk lane, so recovering from a lost Redis never holds up people saving links now.
 */
export async function reconcile(
  db: Pool,
  enqueuer: Enqueuer,
  thumbnails: ThumbnailAssets,
  olderThanMs: number,
): Promise<number> {
  return (
    (await reconcilePipeline(db, enqueuer, olderThanMs)) +
    (await reconcileThumbnails(db, enqueuer, thumbnails, olderThanMs)) +
    (await reconcileReviewAnalysis(db, enqueuer, olderThanMs))
  );
}

/** Reviews (posted or imported) still unanalysed after a while get their analysis job again. */
async function reconcileReviewAnalysis(db: Pool, enqueuer: Enqueuer, olderThanMs: number): Promise<number> {
  let requeued = 0;
  for (const review of await reviewsAwaitingAnalysis(db, olderThanMs, BATCH)) {
    if (
      await requeueIfMissing(enqueuer, reviewAnalysisQueue, {
        reviewId: review.id,
        revision: review.revision,
      })
    )
      requeued++;
  }
  return requeued;
}

/**
 * Every stage is reconciled, thumbnails too: a READY link whose page had an image and whose thumbnail is
 * neither made nor failed (its job was lost) gets its thumbnail job again. The link domain says which links
 * had an image, the media domain which of them have their thumbnail settled.
 */
async function reconcileThumbnails(
  db: Pool,
  enqueuer: Enqueuer,
  thumbnails: ThumbnailAssets,
  olderThanMs: number,
): Promise<number> {
  const candidates = await linksWithImageSince(db, olderThanMs, THUMBNAIL_WINDOW_HOURS, BATCH);
  const settled = await thumbnails.settledFor(candidates.map((l) => l.id));
  let requeued = 0;
  for (const link of candidates.filter((l) => !settled.has(l.id))) {
    const payload = {
      linkId: link.id,
      ownerId: link.ownerId,
      generation: link.generation,
      imageUrl: link.imageUrl,
    };
    if (await requeueIfMissing(enqueuer, thumbnailQueue, payload)) requeued++;
  }
  return requeued;
}

async function reconcilePipeline(db: Pool, enqueuer: Enqueuer, olderThanMs: number): Promise<number> {
  const rows = await linksInPipelineSince(db, olderThanMs, BATCH);
  let requeued = 0;
  for (const link of rows) {
    const contract = link.status === 'TAGGING' ? tagQueue : crawlQueue;
    if (await requeueIfMissing(enqueuer, contract, { linkId: link.id, generation: link.generation }))
      requeued++;
  }
  return requeued;
}

async function requeueIfMissing<P extends z.ZodType>(
  enqueuer: Enqueuer,
  contract: QueueContract<P>,
  payload: z.input<P>,
): Promise<boolean> {
  const jobId = contract.jobId(contract.payload.parse(payload));
  const lanes = [queueName(contract, 'interactive'), queueName(contract, 'bulk')].map((n) =>
    enqueuer.queue(n),
  );
  const states = await Promise.all(lanes.map((q) => q.getJobState(jobId)));
  if (states.some((s) => LIVE_STATES.has(s))) return false;
  await Promise.all(lanes.map((q) => q.remove(jobId)));
  await enqueuer.enqueue(contract, payload, 'bulk');
  return true;
}

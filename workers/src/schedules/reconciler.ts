import { linksInPipelineSince } from '@link-archive/link-domain';
import { crawlQueue, queueName, tagQueue, type Enqueuer, type QueueContract } from '@link-archive/queues';
import type { Pool } from 'pg';
import type { z } from 'zod';

const BATCH = 500;
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * PostgreSQL is the source of truth and Redis may lose everything: links that have sat in a pipeline state
 * for a while without a live job get their job again (a finished or failed job of the same id is replaced),
 * on the bulk lane, so recovering from a lost Redis never holds up people saving links now.
 */
export async function reconcile(db: Pool, enqueuer: Enqueuer, olderThanMs: number): Promise<number> {
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

import { crawlQueue, queueName, tagQueue, type Enqueuer } from '@link-archive/queues';
import type { Pool } from 'pg';

const BATCH = 500;
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * PostgreSQL is the source of truth and Redis may lose everything: links that have sat in a pipeline state
 * for a while without a live job get their job again (a finished or failed job of the same id is replaced).
 */
export async function reconcile(db: Pool, enqueuer: Enqueuer, olderThanMs: number): Promise<number> {
  const { rows } = await db.query<{ id: string; status: string; generation: number }>(
    `SELECT id, status, crawl_generation AS generation FROM link.links
      WHERE status IN ('PENDING', 'CRAWLING', 'TAGGING') AND deleted_at IS NULL
        AND status_changed_at < now() - $1 * interval '1 millisecond'
      ORDER BY status_changed_at LIMIT ${BATCH}`,
    [olderThanMs],
  );
  let requeued = 0;
  for (const link of rows) {
    const payload = { linkId: link.id, generation: link.generation };
    const tagging = link.status === 'TAGGING';
    const contract = tagging ? tagQueue : crawlQueue;
    const jobId = tagging ? tagQueue.jobId(payload) : crawlQueue.jobId({ ...payload, refresh: false });
    const lanes = [
      enqueuer.queue(queueName(contract, 'interactive')),
      enqueuer.queue(queueName(contract, 'bulk')),
    ];
    const states = await Promise.all(lanes.map((q) => q.getJobState(jobId)));
    if (states.some((s) => LIVE_STATES.has(s))) continue;
    await Promise.all(lanes.map((q) => q.remove(jobId)));
    if (tagging) await enqueuer.enqueue(tagQueue, payload);
    else await enqueuer.enqueue(crawlQueue, payload);
    requeued++;
  }
  return requeued;
}

import type { Transactor } from '@link-archive/events';
import { restartStaleCrawls, type RecrawlAges } from '@link-archive/link-domain';
import { crawlQueue, type Enqueuer } from '@link-archive/queues';

export type { RecrawlAges };

const BATCH = 500;

/**
 * Stale READY links start a new crawl generation (the link domain's restartStaleCrawls, their events in the
 * same transaction) and are queued on the bulk lane, so recrawls never hold up a person waiting.
 */
export async function scheduleRecrawls(
  transaction: Transactor,
  enqueuer: Enqueuer,
  ages: RecrawlAges,
): Promise<number> {
  const rows = await restartStaleCrawls(transaction, ages, BATCH);
  for (const link of rows) {
    await enqueuer.enqueue(
      crawlQueue,
      { linkId: link.id, generation: link.generation, refresh: true },
      'bulk',
    );
  }
  return rows.length;
}

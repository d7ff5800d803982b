import { emitEvent, inTransaction, linkUpdated } from '@link-archive/events';
import { crawlQueue, type Enqueuer } from '@link-archive/queues';
import type { Pool } from 'pg';

export interface RecrawlAges {
  placeHours: number;
  productHours: number;
  pageHours: number;
}

const BATCH = 500;

/**
 * Stale READY links start a new crawl generation on the bulk lane: places and products change (hours,
 * prices, ratings) and come back daily by default, other pages monthly. An age of 0 turns a kind off.
 * Each link's move back to PENDING emits link.updated like any other status change, in the same transaction.
 */
export async function scheduleRecrawls(db: Pool, enqueuer: Enqueuer, ages: RecrawlAges): Promise<number> {
  const rows = await inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      ownerId: string;
      generation: number;
      visibility: 'PUBLIC';
    }>(
      `UPDATE link.links l
        SET crawl_generation = crawl_generation + 1, status = 'PENDING', status_changed_at = now(),
            updated_at = now()
      WHERE l.id IN (
        SELECT id FROM link.links
         WHERE status = 'READY' AND deleted_at IS NULL AND crawled_at IS NOT NULL
           AND CASE page_kind
                 WHEN 'PLACE' THEN $1 > 0 AND crawled_at < now() - $1 * interval '1 hour'
                 WHEN 'PRODUCT' THEN $2 > 0 AND crawled_at < now() - $2 * interval '1 hour'
                 ELSE $3 > 0 AND crawled_at < now() - $3 * interval '1 hour'
               END
         ORDER BY crawled_at LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED)
      RETURNING l.id, l.owner_id AS "ownerId", l.crawl_generation AS generation, l.visibility`,
      [ages.placeHours, ages.productHours, ages.pageHours],
    );
    for (const link of rows) {
      await emitEvent(tx, 'link', linkUpdated, {
        linkId: link.id,
        ownerId: link.ownerId,
        status: 'PENDING',
        visibility: link.visibility,
      });
    }
    return rows;
  });
  for (const link of rows) {
    await enqueuer.enqueue(
      crawlQueue,
      { linkId: link.id, generation: link.generation, refresh: true },
      'bulk',
    );
  }
  return rows.length;
}

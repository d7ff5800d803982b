import { ACTIVITY_LOG2 } from '@link-archive/feed-domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each link's popularity kept as its saves and reviews happen (see feed-domain's link-scores), so ranking
 * popularFeed reads the top of an index instead of aggregating every item of the last days. Filled from the
 * items already there.
 */
export class FeedLinkScores1734000000000 implements MigrationInterface {
  name = 'FeedLinkScores1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feed.link_scores (
        link_id uuid PRIMARY KEY,
        weight_log2 float8 NOT NULL
      )`);
    await q.query('CREATE INDEX link_scores_rank_idx ON feed.link_scores (weight_log2 DESC, link_id)');
    await q.query(`
      INSERT INTO feed.link_scores (link_id, weight_log2)
      SELECT link_id, top + ln(sum(power(2::float8, w - top))) / ln(2::float8)
        FROM (SELECT link_id, ${ACTIVITY_LOG2('created_at')} AS w,
                     max(${ACTIVITY_LOG2('created_at')}) OVER (PARTITION BY link_id) AS top
                FROM feed.feed_items
               WHERE link_id IS NOT NULL AND kind IN ('LINK_SAVED', 'REVIEW_POSTED')) activity
       GROUP BY link_id, top`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE feed.link_scores');
  }
}

import { followProjectionSql } from '@link-archive/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who follows whom, from the feed domain's events: FOLLOWERS links are seen by their owner's followers. */
export class ReviewFollowProjection1732900000000 implements MigrationInterface {
  name = 'ReviewFollowProjection1732900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of followProjectionSql('review')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review.follow_state');
    await q.query('DROP TABLE review.follows');
  }
}

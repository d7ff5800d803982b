import { followProjectionSql } from '@link-archive/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The follow projection's event times, so follow and unfollow events applied out of order end right. */
export class LinkFollowProjection1732900000000 implements MigrationInterface {
  name = 'LinkFollowProjection1732900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of followProjectionSql('link')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE link.follow_state');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitFeed1732300000000 implements MigrationInterface {
  name = 'InitFeed1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feed.follows (
        follower_id uuid NOT NULL,
        followee_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follower_id, followee_id),
        CHECK (follower_id <> followee_id)
      )`);
    await q.query('CREATE INDEX follows_followee_idx ON feed.follows (followee_id, created_at DESC)');
    await q.query(`
      CREATE TABLE feed.feed_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('LINK_SAVED','REVIEW_POSTED','USER_FOLLOWED')),
        actor_id uuid NOT NULL,
        link_id uuid,
        review_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX feed_items_actor_idx ON feed.feed_items (actor_id, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE feed.feed_items');
    await q.query('DROP TABLE feed.follows');
  }
}

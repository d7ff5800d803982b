import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social layer: the accounts that exist and who may see each link (projections of the user and link
 * domains' events), feed items made once per thing that happened, notifications grouped per kind and target,
 * and the kinds each person muted.
 */
export class FeedSocial1732900000000 implements MigrationInterface {
  name = 'FeedSocial1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feed.accounts (
        user_id uuid PRIMARY KEY,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE feed.link_access (
        link_id uuid PRIMARY KEY,
        owner_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('PRIVATE','FOLLOWERS','PUBLIC')),
        tags text[] NOT NULL DEFAULT '{}',
        ready boolean NOT NULL DEFAULT false,
        deleted boolean NOT NULL DEFAULT false,
        as_of timestamptz NOT NULL
      )`);
    await q.query(
      "CREATE INDEX link_access_tags_idx ON feed.link_access USING gin (tags) WHERE visibility = 'PUBLIC' AND NOT deleted",
    );
    await q.query(`
      ALTER TABLE feed.feed_items
        ADD COLUMN link_owner_id uuid,
        ADD COLUMN followee_id uuid,
        -- one item per thing that happened (a link's first READY, a review, a follow), however often its event comes
        ADD COLUMN dedupe_key text`);
    await q.query('CREATE UNIQUE INDEX feed_items_dedupe_key ON feed.feed_items (dedupe_key)');
    await q.query('CREATE INDEX feed_items_link_idx ON feed.feed_items (link_id) WHERE link_id IS NOT NULL');
    await q.query(
      'CREATE INDEX feed_items_review_idx ON feed.feed_items (review_id) WHERE review_id IS NOT NULL',
    );
    await q.query('CREATE INDEX feed_items_recent_idx ON feed.feed_items (created_at DESC, id DESC)');
    // an actor's newest items in cursor order (big accounts are read from here at every homeFeed)
    await q.query(
      'CREATE INDEX feed_items_actor_recent_idx ON feed.feed_items (actor_id, created_at DESC, id DESC)',
    );
    await q.query('DROP INDEX feed.feed_items_actor_idx');
    await q.query(`
      CREATE TABLE feed.notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NEW_FOLLOWER','NEW_REVIEW','NEGATIVE_REVIEW','LINK_READY','LINK_FAILED','REPLY_PUBLISHED')),
        -- what repeats of one kind are grouped by (the link, the review, or the follower)
        target text NOT NULL,
        actor_id uuid,
        link_id uuid,
        review_id uuid,
        priority smallint NOT NULL DEFAULT 0,
        count integer NOT NULL DEFAULT 1,
        read boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX notifications_user_idx ON feed.notifications (user_id, updated_at DESC, id DESC)',
    );
    await q.query('CREATE INDEX notifications_unread_idx ON feed.notifications (user_id) WHERE NOT read');
    await q.query(
      'CREATE INDEX notifications_group_idx ON feed.notifications (user_id, kind, target, updated_at DESC)',
    );
    await q.query(`
      CREATE TABLE feed.notification_mutes (
        user_id uuid NOT NULL,
        kind text NOT NULL,
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query('CREATE INDEX follows_fanout_idx ON feed.follows (followee_id, follower_id)');
    // followers per account, kept with each follow and unfollow: who is fanned out on write, who merged on read
    await q.query(`
      CREATE TABLE feed.follower_counts (
        user_id uuid PRIMARY KEY,
        followers integer NOT NULL DEFAULT 0 CHECK (followers >= 0)
      )`);
    await q.query(`
      INSERT INTO feed.follower_counts (user_id, followers)
      SELECT followee_id, count(*) FROM feed.follows GROUP BY followee_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE feed.follower_counts');
    await q.query('DROP INDEX feed.follows_fanout_idx');
    await q.query('DROP TABLE feed.notification_mutes');
    await q.query('DROP TABLE feed.notifications');
    await q.query('CREATE INDEX feed_items_actor_idx ON feed.feed_items (actor_id, created_at DESC)');
    await q.query('DROP INDEX feed.feed_items_actor_recent_idx');
    await q.query('DROP INDEX feed.feed_items_recent_idx');
    await q.query('DROP INDEX feed.feed_items_review_idx');
    await q.query('DROP INDEX feed.feed_items_link_idx');
    await q.query('DROP INDEX feed.feed_items_dedupe_key');
    await q.query(
      'ALTER TABLE feed.feed_items DROP COLUMN dedupe_key, DROP COLUMN followee_id, DROP COLUMN link_owner_id',
    );
    await q.query('DROP TABLE feed.link_access');
    await q.query('DROP TABLE feed.accounts');
  }
}

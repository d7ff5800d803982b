import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitLink1732300000000 implements MigrationInterface {
  name = 'InitLink1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE link.links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        url text NOT NULL CHECK (length(url) <= 2048),
        normalized_url text NOT NULL CHECK (length(normalized_url) <= 2048),
        canonical_url text,
        title text,
        description text,
        site_name text,
        favicon_url text,
        image_url text,
        author text,
        published_at timestamptz,
        language text,
        excerpt text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','CRAWLING','TAGGING','READY','FAILED')),
        error text,
        tags jsonb NOT NULL DEFAULT '[]',
        note text,
        visibility text NOT NULL DEFAULT 'PRIVATE' CHECK (visibility IN ('PRIVATE','FOLLOWERS','PUBLIC')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        crawled_at timestamptz,
        deleted_at timestamptz
      )`);
    // saveLink's idempotency: one live link per owner and normalized URL
    await q.query(
      'CREATE UNIQUE INDEX links_owner_normalized_url_key ON link.links (owner_id, normalized_url) WHERE deleted_at IS NULL',
    );
    await q.query('CREATE INDEX links_owner_created_idx ON link.links (owner_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX links_owner_updated_idx ON link.links (owner_id, updated_at, id)');
    await q.query('CREATE INDEX links_tags_idx ON link.links USING gin (tags jsonb_path_ops)');
    // projection of the feed subgraph's follow graph, for FOLLOWERS visibility
    await q.query(`
      CREATE TABLE link.follows (
        follower_id uuid NOT NULL,
        followee_id uuid NOT NULL,
        PRIMARY KEY (follower_id, followee_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE link.follows');
    await q.query('DROP TABLE link.links');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What turns reviews into signals: each review's analysis (revision-checked, so an edit's analysis never loses
 * to a stale one), its keywords as rows for insights, imported reviews' dedupe hash, owner replies, and the
 * link context replies are drafted from. The indexes keep a link's insights fast at 100,000 reviews.
 */
export class ReviewSignals1732700000000 implements MigrationInterface {
  name = 'ReviewSignals1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review.reviews
        ADD COLUMN revision integer NOT NULL DEFAULT 1,
        ADD COLUMN source_hash text,
        ADD COLUMN language text,
        ADD COLUMN analysed_at timestamptz,
        ADD COLUMN analysed_by text CHECK (analysed_by IN ('AI','HEURISTIC')),
        ADD CONSTRAINT reviews_source_author CHECK ((source = 'USER') = (author_id IS NOT NULL)),
        ADD CONSTRAINT reviews_body_length CHECK (length(body) BETWEEN 1 AND 5000)`);
    // a recrawl that finds the same review imports nothing
    await q.query(
      'CREATE UNIQUE INDEX reviews_link_source_hash_key ON review.reviews (link_id, source_hash) WHERE source_hash IS NOT NULL',
    );
    await q.query('CREATE INDEX reviews_link_rating_idx ON review.reviews (link_id, rating)');
    await q.query('CREATE INDEX reviews_link_sentiment_idx ON review.reviews (link_id, sentiment)');
    await q.query(
      'CREATE INDEX reviews_link_week_idx ON review.reviews (link_id, created_at) INCLUDE (rating)',
    );
    await q.query(
      'CREATE INDEX reviews_awaiting_analysis_idx ON review.reviews (updated_at) WHERE analysed_at IS NULL',
    );
    await q.query(`
      CREATE TABLE review.review_keywords (
        link_id uuid NOT NULL,
        keyword text NOT NULL CHECK (length(keyword) BETWEEN 1 AND 50),
        review_id uuid NOT NULL REFERENCES review.reviews (id) ON DELETE CASCADE,
        PRIMARY KEY (link_id, keyword, review_id)
      )`);
    await q.query('CREATE INDEX review_keywords_review_idx ON review.review_keywords (review_id)');
    await q.query(`
      CREATE TABLE review.replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL UNIQUE REFERENCES review.reviews (id) ON DELETE CASCADE,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','APPROVED','PUBLISHED')),
        generated_by_ai boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`
      ALTER TABLE review.link_access
        ADD COLUMN owner_plan text NOT NULL DEFAULT 'FREE',
        ADD COLUMN title text,
        ADD COLUMN site_name text,
        ADD COLUMN description text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE review.link_access DROP COLUMN owner_plan, DROP COLUMN title, DROP COLUMN site_name, DROP COLUMN description',
    );
    await q.query('DROP TABLE review.replies');
    await q.query('DROP TABLE review.review_keywords');
    await q.query('DROP INDEX review.reviews_awaiting_analysis_idx');
    await q.query('DROP INDEX review.reviews_link_week_idx');
    await q.query('DROP INDEX review.reviews_link_sentiment_idx');
    await q.query('DROP INDEX review.reviews_link_rating_idx');
    await q.query('DROP INDEX review.reviews_link_source_hash_key');
    await q.query(`
      ALTER TABLE review.reviews DROP CONSTRAINT reviews_body_length, DROP CONSTRAINT reviews_source_author,
        DROP COLUMN analysed_by, DROP COLUMN analysed_at, DROP COLUMN language, DROP COLUMN source_hash,
        DROP COLUMN revision`);
  }
}

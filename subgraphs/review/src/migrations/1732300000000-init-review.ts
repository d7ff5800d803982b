import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitReview1732300000000 implements MigrationInterface {
  name = 'InitReview1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL,
        author_id uuid,
        source_author_name text,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        body text NOT NULL CHECK (length(body) <= 10000),
        source text NOT NULL DEFAULT 'USER' CHECK (source IN ('USER','CRAWLED')),
        sentiment text CHECK (sentiment IN ('POSITIVE','NEUTRAL','NEGATIVE')),
        sentiment_score real CHECK (sentiment_score BETWEEN -1 AND 1),
        keywords jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // one review per author and link: posting again updates it
    await q.query(
      'CREATE UNIQUE INDEX reviews_link_author_key ON review.reviews (link_id, author_id) WHERE author_id IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX reviews_link_created_idx ON review.reviews (link_id, created_at DESC, id DESC)',
    );
    await q.query(
      'CREATE INDEX reviews_author_created_idx ON review.reviews (author_id, created_at DESC, id DESC)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review.reviews');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A link's rating summary and insights as counts kept by the database itself: statement triggers on reviews and
 * review_keywords add what every INSERT, UPDATE and DELETE changes (cascades and erasures included), in the
 * writer's transaction, so the counts are exact under concurrent posts and reading them costs the same at
 * 100,000 reviews as at ten. Locks are taken in link order, so concurrent multi-link writes cannot deadlock.
 */
export class ReviewInsightCounts1732800000000 implements MigrationInterface {
  name = 'ReviewInsightCounts1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.link_review_stats (
        link_id uuid PRIMARY KEY,
        stars_1 integer NOT NULL DEFAULT 0, stars_2 integer NOT NULL DEFAULT 0, stars_3 integer NOT NULL DEFAULT 0,
        stars_4 integer NOT NULL DEFAULT 0, stars_5 integer NOT NULL DEFAULT 0,
        positive integer NOT NULL DEFAULT 0, neutral integer NOT NULL DEFAULT 0, negative integer NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE review.link_weekly_ratings (
        link_id uuid NOT NULL,
        -- the Monday (UTC) the ISO week starts on
        week date NOT NULL,
        rating_sum integer NOT NULL,
        reviews integer NOT NULL,
        PRIMARY KEY (link_id, week)
      )`);
    await q.query(`
      CREATE TABLE review.link_keyword_counts (
        link_id uuid NOT NULL,
        keyword text NOT NULL,
        reviews integer NOT NULL,
        PRIMARY KEY (link_id, keyword)
      )`);
    await q.query(
      'CREATE INDEX link_keyword_counts_top_idx ON review.link_keyword_counts (link_id, reviews DESC, keyword)',
    );
    await q.query(
      'CREATE TYPE review.review_delta AS (link_id uuid, rating smallint, sentiment text, created_at timestamptz, sign integer)',
    );
    await q.query(`
      CREATE FUNCTION review.apply_review_deltas(deltas review.review_delta[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO review.link_review_stats AS s
               (link_id, stars_1, stars_2, stars_3, stars_4, stars_5, positive, neutral, negative)
        SELECT link_id,
               COALESCE(sum(sign) FILTER (WHERE rating = 1), 0), COALESCE(sum(sign) FILTER (WHERE rating = 2), 0),
               COALESCE(sum(sign) FILTER (WHERE rating = 3), 0), COALESCE(sum(sign) FILTER (WHERE rating = 4), 0),
               COALESCE(sum(sign) FILTER (WHERE rating = 5), 0),
               COALESCE(sum(sign) FILTER (WHERE sentiment = 'POSITIVE'), 0),
               COALESCE(sum(sign) FILTER (WHERE sentiment = 'NEUTRAL'), 0),
               COALESCE(sum(sign) FILTER (WHERE sentiment = 'NEGATIVE'), 0)
          FROM unnest(deltas) GROUP BY link_id ORDER BY link_id
        ON CONFLICT (link_id) DO UPDATE SET
               stars_1 = s.stars_1 + EXCLUDED.stars_1, stars_2 = s.stars_2 + EXCLUDED.stars_2,
               stars_3 = s.stars_3 + EXCLUDED.stars_3, stars_4 = s.stars_4 + EXCLUDED.stars_4,
               stars_5 = s.stars_5 + EXCLUDED.stars_5, positive = s.positive + EXCLUDED.positive,
               neutral = s.neutral + EXCLUDED.neutral, negative = s.negative + EXCLUDED.negative;
        INSERT INTO review.link_weekly_ratings AS w (link_id, week, rating_sum, reviews)
        SELECT link_id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date, sum(sign * rating), sum(sign)
          FROM unnest(deltas) GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (link_id, week) DO UPDATE SET
               rating_sum = w.rating_sum + EXCLUDED.rating_sum, reviews = w.reviews + EXCLUDED.reviews;
      $$`);
    const reviewTrigger = async (event: string, table: string, deltas: string) => {
      await q.query(`
        CREATE FUNCTION review.reviews_${event}_counted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM review.apply_review_deltas(ARRAY(${deltas}));
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER reviews_${event}_counted AFTER ${event.toUpperCase()} ON review.reviews
        REFERENCING ${table} FOR EACH STATEMENT EXECUTE FUNCTION review.reviews_${event}_counted()`);
    };
    const delta = (rows: string, sign: number) =>
      `SELECT ROW(r.link_id, r.rating, r.sentiment, r.created_at, ${sign})::review.review_delta FROM ${rows}`;
    await reviewTrigger('insert', 'NEW TABLE AS new_rows', delta('new_rows r', 1));
    await reviewTrigger('delete', 'OLD TABLE AS old_rows', delta('old_rows r', -1));
    // only rows whose counted columns changed (an analysis sets the sentiment; most updates touch none)
    const changed = `old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.link_id, o.rating, o.sentiment, o.created_at) IS DISTINCT FROM (n.link_id, n.rating, n.sentiment, n.created_at)`;
    await reviewTrigger(
      'update',
      'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      `SELECT ROW(o.link_id, o.rating, o.sentiment, o.created_at, -1)::review.review_delta FROM ${changed}
       UNION ALL
       SELECT ROW(n.link_id, n.rating, n.sentiment, n.created_at, 1)::review.review_delta FROM ${changed}`,
    );
    await q.query(`
      CREATE FUNCTION review.review_keywords_insert_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO review.link_keyword_counts AS k (link_id, keyword, reviews)
        SELECT link_id, keyword, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (link_id, keyword) DO UPDATE SET reviews = k.reviews + EXCLUDED.reviews;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION review.review_keywords_delete_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH gone AS (SELECT link_id, keyword, count(*) AS n FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2)
        UPDATE review.link_keyword_counts k SET reviews = k.reviews - gone.n
          FROM gone WHERE k.link_id = gone.link_id AND k.keyword = gone.keyword;
        DELETE FROM review.link_keyword_counts k USING (SELECT DISTINCT link_id, keyword FROM old_rows) gone
         WHERE k.link_id = gone.link_id AND k.keyword = gone.keyword AND k.reviews <= 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER review_keywords_insert_counted AFTER INSERT ON review.review_keywords
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION review.review_keywords_insert_counted()`);
    await q.query(`
      CREATE TRIGGER review_keywords_delete_counted AFTER DELETE ON review.review_keywords
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION review.review_keywords_delete_counted()`);
    // what is already there, counted once
    await q.query(`SELECT review.apply_review_deltas(ARRAY(${delta('review.reviews r', 1)}))`);
    await q.query(`
      INSERT INTO review.link_keyword_counts (link_id, keyword, reviews)
      SELECT link_id, keyword, count(*) FROM review.review_keywords GROUP BY 1, 2`);
    // the on-the-fly aggregates these replace
    await q.query('DROP INDEX review.reviews_link_rating_idx');
    await q.query('DROP INDEX review.reviews_link_sentiment_idx');
    await q.query('DROP INDEX review.reviews_link_week_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX reviews_link_rating_idx ON review.reviews (link_id, rating)');
    await q.query('CREATE INDEX reviews_link_sentiment_idx ON review.reviews (link_id, sentiment)');
    await q.query(
      'CREATE INDEX reviews_link_week_idx ON review.reviews (link_id, created_at) INCLUDE (rating)',
    );
    for (const event of ['insert', 'delete']) {
      await q.query(`DROP TRIGGER review_keywords_${event}_counted ON review.review_keywords`);
      await q.query(`DROP FUNCTION review.review_keywords_${event}_counted()`);
    }
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER reviews_${event}_counted ON review.reviews`);
      await q.query(`DROP FUNCTION review.reviews_${event}_counted()`);
    }
    await q.query('DROP FUNCTION review.apply_review_deltas(review.review_delta[])');
    await q.query('DROP TYPE review.review_delta');
    await q.query('DROP TABLE review.link_keyword_counts');
    await q.query('DROP TABLE review.link_weekly_ratings');
    await q.query('DROP TABLE review.link_review_stats');
  }
}

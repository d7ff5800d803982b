import type { MigrationInterface, QueryRunner } from 'typeorm';
import { withoutStatementTimeout } from './without-statement-timeout';

/**
 * The text index also holds the day, the week (counted from the epoch) and the month each link was saved in, as
 * lexemes no query can spell ("@d2026-11-29", "@w2918", "@m2026-11": the parser never yields "@"). A search for
 * the newest matches of a middling word then asks the index for the word AND the recent days, weeks or months, and
 * reads only those matches' rows instead of every match's (a row read costs about 3 µs; a word in one link of a
 * hundred has 10,000 at a million links).
 * The index is on an expression of the stored document, so the table is not rewritten; it replaces the document's
 * own index (the added lexemes change no query's matches). Built concurrently: saves go on meanwhile.
 * Also: link.tsquery_in_weights, for ranking.
 */
export class SearchSavedBuckets1734000000000 implements MigrationInterface {
  name = 'SearchSavedBuckets1734000000000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    // to_char with numeric fields in UTC and the epoch depend on nothing but the input: safe to declare IMMUTABLE
    await q.query(`
      CREATE OR REPLACE FUNCTION link.saved_buckets(saved timestamptz) RETURNS tsvector
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT array_to_tsvector(ARRAY['@d' || to_char(saved AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                                       '@w' || floor(extract(epoch FROM saved) / 604800)::int,
                                       '@m' || to_char(saved AT TIME ZONE 'UTC', 'YYYY-MM')])
      $$`);
    // a query with its every lexeme restricted to some weights ('dog':AB, 'seo':*AB): "does the title (and tags)
    // hold the whole query" without copying each document through ts_filter. Each quoted lexeme is matched whole
    // (with its prefix mark) and marked; a prefix's ":*:AB" then becomes ":*AB".
    await q.query(`
      CREATE OR REPLACE FUNCTION link.tsquery_in_weights(q tsquery, weights text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT regexp_replace(regexp_replace(q::text, '(''(?:[^'']|'''')*'')(:\\*)?', '\\1\\2:' || weights, 'g'),
                              ''':\\*:', ''':*', 'g')::tsquery
      $$`);
    await withoutStatementTimeout(q, async () => {
      await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS links_search_saved_idx ON link.links
                       USING gin ((search_document || link.saved_buckets(created_at)))`);
      await q.query('DROP INDEX CONCURRENTLY IF EXISTS link.links_search_document_idx');
    });
    // a search's plan follows the planner's estimate of how many links a word is in: the default statistics
    // know the 1,000 commonest lexemes, and give every other word one guess
    await q.query('ALTER INDEX link.links_search_saved_idx ALTER COLUMN 1 SET STATISTICS 1000');
  }

  async down(q: QueryRunner): Promise<void> {
    await withoutStatementTimeout(q, async () => {
      await q.query(
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS links_search_document_idx ON link.links USING gin (search_document)',
      );
      await q.query('DROP INDEX CONCURRENTLY IF EXISTS link.links_search_saved_idx');
    });
    await q.query('DROP FUNCTION link.saved_buckets(timestamptz)');
    await q.query('DROP FUNCTION link.tsquery_in_weights(tsquery, text)');
  }
}

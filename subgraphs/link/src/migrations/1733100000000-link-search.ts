import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full text over each link: one weighted document (title A, tags B, description C, excerpt D) of English words,
 * stemmed, and of Korean, which has no stemmer here, as overlapping two-syllable grams of every run of Hangul
 * ("서울에서" → 서울 울에 에서), so a word part is an indexed phrase of grams ("서울" finds "서울에서"). Notes are
 * their owner's alone: matched apart (with link.search_vector), never in this shared column. An index on
 * created_at serves the search's window of newest matches.
 */
export class LinkSearch1733100000000 implements MigrationInterface {
  name = 'LinkSearch1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION link.hangul_bigrams(input text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(CASE WHEN length(m.run[1]) = 1 THEN m.run[1] ELSE substr(m.run[1], i, 2) END,
                                   ' ' ORDER BY m.n, i), '')
          FROM regexp_matches(input, '[가-힣ㄱ-ㆎ]+', 'g') WITH ORDINALITY AS m(run, n)
          CROSS JOIN LATERAL generate_series(1, greatest(length(m.run[1]) - 1, 1)) AS i
      $$`);
    await q.query(`
      CREATE FUNCTION link.search_vector(input text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('english', coalesce(input, ''))
            || to_tsvector('simple', coalesce(link.hangul_bigrams(lower(input)), ''))
      $$`);
    await q.query(`
      ALTER TABLE link.links
        ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
          setweight(link.search_vector(title), 'A') ||
          setweight(link.search_vector(jsonb_path_query_array(tags, '$[*].name')::text), 'B') ||
          setweight(link.search_vector(description), 'C') ||
          setweight(link.search_vector(excerpt), 'D')) STORED`);
    await q.query('CREATE INDEX links_search_document_idx ON link.links USING gin (search_document)');
    // a search ranks its newest matches: this walks them newest first, or narrows the text index's matches to
    // a recent slice
    await q.query(
      'CREATE INDEX links_created_idx ON link.links (created_at DESC, id DESC) WHERE deleted_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX link.links_created_idx');
    await q.query('ALTER TABLE link.links DROP COLUMN search_document');
    await q.query('DROP FUNCTION link.search_vector(text)');
    await q.query('DROP FUNCTION link.hangul_bigrams(text)');
  }
}

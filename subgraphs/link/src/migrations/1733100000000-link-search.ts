import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full text over each link's title (weight A), tags (B), description (C) and excerpt (D), stemmed as English,
 * and its lower-cased text for substring matches by trigram (Korean has no stemmer here: "서울" finds
 * "서울에서"). Notes are their owner's alone: matched apart, never in these shared columns.
 */
export class LinkSearch1733100000000 implements MigrationInterface {
  name = 'LinkSearch1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await q.query(`
      ALTER TABLE link.links
        ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', jsonb_path_query_array(tags, '$[*].name')::text), 'B') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
          setweight(to_tsvector('english', coalesce(excerpt, '')), 'D')) STORED,
        ADD COLUMN search_text text GENERATED ALWAYS AS (
          lower(coalesce(title, '') || ' ' || jsonb_path_query_array(tags, '$[*].name')::text || ' ' ||
                coalesce(description, '') || ' ' || coalesce(excerpt, ''))) STORED`);
    await q.query('CREATE INDEX links_search_document_idx ON link.links USING gin (search_document)');
    await q.query(
      'CREATE INDEX links_search_text_idx ON link.links USING gin (search_text public.gin_trgm_ops)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE link.links DROP COLUMN search_document, DROP COLUMN search_text');
  }
}

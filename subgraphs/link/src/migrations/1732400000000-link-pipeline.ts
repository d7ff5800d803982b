import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the crawl and tag workers keep on a link, and the indexes the reconciler and recrawl schedule use. */
export class LinkPipeline1732400000000 implements MigrationInterface {
  name = 'LinkPipeline1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE link.links
        ADD COLUMN content_text text CHECK (length(content_text) <= 20000),
        ADD COLUMN content_type text,
        ADD COLUMN page_kind text NOT NULL DEFAULT 'PAGE' CHECK (page_kind IN ('PAGE','ARTICLE','PLACE','PRODUCT','DOCUMENT','IMAGE')),
        ADD COLUMN structured_data jsonb,
        ADD COLUMN owner_plan text NOT NULL DEFAULT 'FREE',
        ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN crawl_generation integer NOT NULL DEFAULT 1`);
    // the reconciler's scan: links still in the pipeline, oldest state first
    await q.query(
      `CREATE INDEX links_in_pipeline_idx ON link.links (status_changed_at)
        WHERE status IN ('PENDING','CRAWLING','TAGGING') AND deleted_at IS NULL`,
    );
    // the recrawl schedule's scan: finished links by kind and age
    await q.query(
      `CREATE INDEX links_recrawl_idx ON link.links (page_kind, crawled_at)
        WHERE status = 'READY' AND deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX link.links_recrawl_idx');
    await q.query('DROP INDEX link.links_in_pipeline_idx');
    await q.query(`
      ALTER TABLE link.links
        DROP COLUMN content_text, DROP COLUMN content_type, DROP COLUMN page_kind,
        DROP COLUMN structured_data, DROP COLUMN owner_plan, DROP COLUMN status_changed_at,
        DROP COLUMN crawl_generation`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One thumbnail per link (the worker upserts it), and what an upload was promised to be. */
export class MediaPipeline1732400000000 implements MigrationInterface {
  name = 'MediaPipeline1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX media_assets_link_thumbnail_key ON media.media_assets (link_id) WHERE kind = 'THUMBNAIL'`,
    );
    await q.query(`
      ALTER TABLE media.media_assets
        ADD COLUMN error text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE media.media_assets DROP COLUMN error, DROP COLUMN updated_at');
    await q.query('DROP INDEX media.media_assets_link_thumbnail_key');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Screenshots of rendered pages: one SCREENSHOT asset per link, like its thumbnail. */
export class MediaScreenshots1733000000000 implements MigrationInterface {
  name = 'MediaScreenshots1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE media.media_assets DROP CONSTRAINT media_assets_kind_check');
    await q.query(
      `ALTER TABLE media.media_assets ADD CONSTRAINT media_assets_kind_check
         CHECK (kind IN ('THUMBNAIL','UPLOAD','AVATAR','SCREENSHOT'))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX media_assets_link_screenshot_key ON media.media_assets (link_id) WHERE kind = 'SCREENSHOT'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX media.media_assets_link_screenshot_key');
    await q.query(`DELETE FROM media.media_assets WHERE kind = 'SCREENSHOT'`);
    await q.query('ALTER TABLE media.media_assets DROP CONSTRAINT media_assets_kind_check');
    await q.query(
      `ALTER TABLE media.media_assets ADD CONSTRAINT media_assets_kind_check CHECK (kind IN ('THUMBNAIL','UPLOAD','AVATAR'))`,
    );
  }
}

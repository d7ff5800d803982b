import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitMedia1732300000000 implements MigrationInterface {
  name = 'InitMedia1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media.media_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('THUMBNAIL','UPLOAD','AVATAR')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','READY','FAILED')),
        owner_id uuid NOT NULL,
        link_id uuid,
        content_type text,
        bytes integer CHECK (bytes >= 0),
        width integer,
        height integer,
        blurhash text,
        storage_key text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX media_assets_link_idx ON media.media_assets (link_id, kind, created_at DESC)',
    );
    await q.query(
      'CREATE INDEX media_assets_owner_idx ON media.media_assets (owner_id, kind, created_at DESC)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE media.media_assets');
  }
}

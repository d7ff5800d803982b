import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The preserved readable article of each link (its S3 key) and how long it is to read. */
export class LinkReadableCopies1733000000000 implements MigrationInterface {
  name = 'LinkReadableCopies1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE link.links
      ADD COLUMN content_key text CHECK (length(content_key) <= 200),
      ADD COLUMN word_count integer CHECK (word_count >= 0),
      ADD COLUMN reading_minutes integer CHECK (reading_minutes >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE link.links DROP COLUMN content_key, DROP COLUMN word_count, DROP COLUMN reading_minutes',
    );
  }
}

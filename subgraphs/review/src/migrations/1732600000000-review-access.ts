import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may see each link, as the link domain's events say (link.saved, link.updated, link.deleted): the review
 * domain checks it for posting and for listing a person's reviews, without reading the link schema.
 */
export class ReviewAccess1732600000000 implements MigrationInterface {
  name = 'ReviewAccess1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review.link_access (
        link_id uuid PRIMARY KEY,
        owner_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('PRIVATE','FOLLOWERS','PUBLIC')),
        deleted boolean NOT NULL DEFAULT false,
        -- when the event that set the visibility happened: consumers run events concurrently, the newest wins
        as_of timestamptz NOT NULL
      )`);
    await q.query('ALTER TABLE review.reviews ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE review.reviews DROP COLUMN updated_at');
    await q.query('DROP TABLE review.link_access');
  }
}

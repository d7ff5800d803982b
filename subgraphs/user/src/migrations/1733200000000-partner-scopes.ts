import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A partner key's partner, the persisted operations it may run (null: all) and its own rate limit. */
export class UserPartnerScopes1733200000000 implements MigrationInterface {
  name = 'UserPartnerScopes1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "user".api_keys ADD COLUMN partner text, ADD COLUMN operations text[], ADD COLUMN rate_per_minute integer CHECK (rate_per_minute > 0)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "user".api_keys DROP COLUMN partner, DROP COLUMN operations, DROP COLUMN rate_per_minute',
    );
  }
}

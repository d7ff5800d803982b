import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an account's e-mail address was confirmed, and the single-use tokens (hashed) mailed to confirm it. */
export class UserEmailVerification1733400000000 implements MigrationInterface {
  name = 'UserEmailVerification1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "user".users ADD COLUMN email_verified_at timestamptz');
    await q.query(`
      CREATE TABLE "user".email_verification_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES "user".users (id) ON DELETE CASCADE,
        email text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(
      'CREATE INDEX email_verification_tokens_user_idx ON "user".email_verification_tokens (user_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "user".email_verification_tokens');
    await q.query('ALTER TABLE "user".users DROP COLUMN email_verified_at');
  }
}

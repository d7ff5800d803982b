import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language mail is written in, single-use password reset tokens (stored hashed), and the embedded mail
 * sink's messages (only used when SMTP_URL is unset: development and tests).
 */
export class UserPasswordReset1733300000000 implements MigrationInterface {
  name = 'UserPasswordReset1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "user".users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ko'))`,
    );
    await q.query(`
      CREATE TABLE "user".password_reset_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES "user".users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX password_reset_tokens_user_idx ON "user".password_reset_tokens (user_id)');
    await q.query(`
      CREATE TABLE "user".sink_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipients text[] NOT NULL,
        subject text NOT NULL,
        text_body text,
        html_body text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX sink_messages_recent_idx ON "user".sink_messages (received_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "user".sink_messages');
    await q.query('DROP TABLE "user".password_reset_tokens');
    await q.query('ALTER TABLE "user".users DROP COLUMN language');
  }
}

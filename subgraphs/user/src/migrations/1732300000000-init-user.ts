import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitUser1732300000000 implements MigrationInterface {
  name = 'InitUser1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "user".users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        handle text NOT NULL CONSTRAINT users_handle_key UNIQUE CHECK (handle ~ '^[a-z0-9_]{3,30}$'),
        email text CONSTRAINT users_email_key UNIQUE CHECK (email = lower(email)),
        password_hash text,
        display_name text,
        bio text,
        role text NOT NULL DEFAULT 'USER' CHECK (role IN ('USER','ADMIN')),
        plan text NOT NULL DEFAULT 'FREE' CHECK (plan IN ('FREE','BASIC','PREMIUM','ENTERPRISE')),
        is_anonymous boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "user".refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES "user".users(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT refresh_tokens_hash_key UNIQUE,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX refresh_tokens_family_idx ON "user".refresh_tokens (family_id)');
    await q.query('CREATE INDEX refresh_tokens_user_idx ON "user".refresh_tokens (user_id)');
    await q.query(`
      CREATE TABLE "user".api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL CONSTRAINT api_keys_secret_hash_key UNIQUE,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "user".api_keys');
    await q.query('DROP TABLE "user".refresh_tokens');
    await q.query('DROP TABLE "user".users');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Suspended accounts, and the log of what ADMINs did to accounts. */
export class UserAdmin1733100000000 implements MigrationInterface {
  name = 'UserAdmin1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "user".users ADD COLUMN suspended_at timestamptz, ADD COLUMN suspension_reason text',
    );
    await q.query(`
      CREATE TABLE "user".admin_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('SET_ROLE', 'SET_PLAN', 'SUSPEND', 'UNSUSPEND')),
        target_id uuid NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX admin_audit_recent_idx ON "user".admin_audit (created_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "user".admin_audit');
    await q.query('ALTER TABLE "user".users DROP COLUMN suspended_at, DROP COLUMN suspension_reason');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Prefix search on handles and display names (searchUsers, adminUsers) by index. */
export class UserSearch1733500000000 implements MigrationInterface {
  name = 'UserSearch1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX users_handle_prefix_idx ON "user".users (handle text_pattern_ops)');
    await q.query(
      'CREATE INDEX users_display_name_prefix_idx ON "user".users (lower(display_name) text_pattern_ops)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "user".users_display_name_prefix_idx');
    await q.query('DROP INDEX "user".users_handle_prefix_idx');
  }
}

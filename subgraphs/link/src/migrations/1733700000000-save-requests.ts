import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client request ids of saves (an app's offline outbox retries with the same id): a retry answers with the
 * link that request saved, even when it has since been deleted, instead of saving it again. Kept 30 days; an
 * erased account's go with its links.
 */
export class LinkSaveRequests1733700000000 implements MigrationInterface {
  name = 'LinkSaveRequests1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE link.save_requests (
        owner_id uuid NOT NULL,
        client_request_id text NOT NULL,
        link_id uuid NOT NULL REFERENCES link.links (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, client_request_id))`);
    await q.query('CREATE INDEX save_requests_link_idx ON link.save_requests (link_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE link.save_requests');
  }
}

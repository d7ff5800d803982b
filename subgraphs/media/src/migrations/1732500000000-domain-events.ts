import { dropEventTablesSql, eventTablesSql } from '@link-archive/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox this subgraph's changes emit their events through, and the ledger of events it consumed. */
export class MediaDomainEvents1732500000000 implements MigrationInterface {
  name = 'MediaDomainEvents1732500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesSql('media')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropEventTablesSql('media')) await q.query(sql);
  }
}

import { dropEventTablesSql, eventTablesSql } from '@link-archive/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox this subgraph's changes emit their events through, and the ledger of events it consumed. */
export class LinkDomainEvents1732500000000 implements MigrationInterface {
  name = 'LinkDomainEvents1732500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesSql('link')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropEventTablesSql('link')) await q.query(sql);
  }
}

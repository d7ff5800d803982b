import type { QueryRunner } from 'typeorm';

/** Runs work with no statement timeout: an index over every link takes longer than a request's. */
export async function withoutStatementTimeout(q: QueryRunner, work: () => Promise<void>): Promise<void> {
  await q.query('SET statement_timeout = 0');
  try {
    await work();
  } finally {
    await q.query('RESET statement_timeout');
  }
}

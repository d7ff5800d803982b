import type { Pool, PoolClient } from 'pg';
import type { Queryable } from './outbox';

/** Runs work in one transaction of a domain's store: pg's pool in the workers, TypeORM's in a subgraph. */
export type Transactor = <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;

/** Runs `work` in one transaction on a pooled client: a change and the event it emits commit together. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

import type { Pool, QueryResultRow } from 'pg';

/** A TypeORM DataSource on PostgreSQL, as far as its connection pool goes. */
interface PostgresDataSource {
  driver: unknown;
}

/**
 * Rows of a statement prepared once per connection under `name` (PostgreSQL keeps its plan): for the hottest
 * reads, whose planning costs as much as running them. The statement must not change under the same name.
 */
export async function preparedRows<T extends QueryResultRow>(
  ds: PostgresDataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (ds.driver as { master?: Pool }).master;
  if (!pool) throw new Error('preparedRows needs an initialized PostgreSQL DataSource');
  return (await pool.query<T>({ name, text, values })).rows;
}

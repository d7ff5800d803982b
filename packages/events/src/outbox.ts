import type { EventContract, PayloadOf } from './define-event';

/** Anything that runs SQL in the caller's transaction: a TypeORM EntityManager or a pg client. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The rows a statement returned, whichever client ran it: pg answers with a result holding them, TypeORM with
 * the rows themselves, or with [rows, affected] for an UPDATE or DELETE (rows are objects, never arrays).
 */
export async function queryRows<T>(tx: Queryable, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result = await tx.query(sql, parameters);
  if (!Array.isArray(result)) return (result as { rows?: T[] }).rows ?? [];
  const updated = result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
  return (updated ? result[0] : result) as T[];
}

/** The channel PostgreSQL notifies on commit of an event, so the relay wakes at once instead of polling. */
export const OUTBOX_NOTIFY_CHANNEL = 'link_archive_outbox';

/**
 * Writes an event into the schema's outbox, in the caller's transaction: the change and its event commit
 * together or not at all. The relay delivers it after commit (pg_notify is delivered on commit too).
 */
export async function emitEvent<C extends EventContract>(
  tx: Queryable,
  schema: string,
  contract: C,
  payload: PayloadOf<C>,
): Promise<void> {
  const data = contract.payload.parse(payload);
  await tx.query(
    `WITH e AS (INSERT INTO "${schema}".outbox (name, version, payload) VALUES ($1, $2, $3::jsonb) RETURNING 1)
     SELECT pg_notify($4, $5) FROM e`,
    [contract.name, contract.version, JSON.stringify(data), OUTBOX_NOTIFY_CHANNEL, schema],
  );
}

/**
 * The outbox and the consumed-events ledger of one schema, for its subgraph's migration. `seq` orders
 * delivery; `delivered_at` marks what reached every durable queue; `live_sent` what reached pub/sub.
 */
export function eventTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
       seq bigserial PRIMARY KEY,
       id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
       name text NOT NULL,
       version integer NOT NULL,
       payload jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       delivered_at timestamptz,
       live_sent boolean NOT NULL DEFAULT false
     )`,
    `CREATE INDEX outbox_undelivered_idx ON "${schema}".outbox (seq) WHERE delivered_at IS NULL`,
    `CREATE INDEX outbox_delivered_idx ON "${schema}".outbox (delivered_at) WHERE delivered_at IS NOT NULL`,
    `CREATE TABLE "${schema}".consumed_events (
       event_id uuid PRIMARY KEY,
       name text NOT NULL,
       consumed_at timestamptz NOT NULL DEFAULT now()
     )`,
  ];
}

export const dropEventTablesSql = (schema: string) => [
  `DROP TABLE "${schema}".consumed_events`,
  `DROP TABLE "${schema}".outbox`,
];

import type { Logger } from '@link-archive/core';
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { DomainEvent, EventContract, PayloadOf } from './define-event';
import { queryRows, type Queryable } from './outbox';
import { ALL_EVENTS, CONSUMERS, consumerQueue, type ConsumerName } from './routing';

/** Handles one event inside the consumer's transaction; side effects outside the database must be idempotent. */
export type EventHandler<C extends EventContract = EventContract> = (
  payload: PayloadOf<C>,
  tx: Queryable,
  event: DomainEvent,
) => Promise<void>;

/** A handler for one contract, typed by it. */
export const on = <C extends EventContract>(contract: C, handle: EventHandler<C>) => ({ contract, handle });

export interface ConsumerOptions {
  consumer: ConsumerName;
  /** The consumer's schema: its consumed_events ledger lives there. */
  schema: string;
  handlers: ReturnType<typeof on>[];
  /** Runs a function in one database transaction of the consumer's own store. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;
  connection: ConnectionOptions;
  bullPrefix: string;
  logger: Logger;
  concurrency?: number;
}

/**
 * A durable consumer: one BullMQ worker on the consumer's queue. Each event is handled at most once however
 * often it is delivered: its id enters the consumer's ledger in the same transaction as the handler's writes.
 */
export function startEventConsumer(options: ConsumerOptions): { close: () => Promise<void> } {
  const handlers = new Map(options.handlers.map((h) => [h.contract.name, h]));
  const unhandled = (CONSUMERS[options.consumer] as readonly string[]).filter((n) => !handlers.has(n));
  if (unhandled.length)
    throw new Error(`consumer ${options.consumer} has no handler for ${unhandled.join(', ')}`);
  const worker = new Worker(
    consumerQueue(options.consumer),
    async (job: Job<DomainEvent>) => {
      const event = job.data;
      const handler = handlers.get(event.name);
      const contract = ALL_EVENTS[event.name];
      if (!handler || !contract) throw new UnrecoverableError(`no handler for ${event.name}`);
      const parsed = contract.payload.safeParse(event.payload);
      if (!parsed.success) throw new UnrecoverableError(`${event.name} ${event.id} breaks its contract`);
      return options.transaction(async (tx) => {
        const fresh = await queryRows(
          tx,
          `INSERT INTO "${options.schema}".consumed_events (event_id, name) VALUES ($1, $2)
           ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [event.id, event.name],
        );
        if (!fresh.length) return 'duplicate';
        await handler.handle(parsed.data as never, tx, event);
        return 'handled';
      });
    },
    {
      connection: options.connection,
      prefix: options.bullPrefix,
      concurrency: options.concurrency ?? 4,
    },
  );
  worker.on('failed', (job, err) =>
    options.logger.warn(
      { consumer: options.consumer, eventId: job?.id, err: err.message },
      'event handler failed',
    ),
  );
  worker.on('error', (err) =>
    options.logger.error({ consumer: options.consumer, err }, 'event consumer error'),
  );
  return { close: () => worker.close() };
}

import type { Logger, Redis } from '@link-archive/core';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Client, type Pool, type PoolClient } from 'pg';
import type { DomainEvent } from './define-event';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox';
import { CONSUMERS, OUTBOX_SCHEMAS, consumerQueue, liveChannel, type ConsumerName } from './routing';

export interface RelayOptions {
  db: Pool;
  databaseUrl: string;
  redis: Redis;
  redisPrefix: string;
  connection: ConnectionOptions;
  /** BullMQ's key prefix (the deployment's). */
  bullPrefix: string;
  logger: Logger;
  /** How often each outbox is read when no notification arrives (crash recovery, missed notifies). */
  pollMs?: number;
  /** How long delivered events are kept, to be sent again after a Redis loss. */
  retentionMs?: number;
  batchSize?: number;
}

interface OutboxRow {
  seq: string;
  id: string;
  name: string;
  version: number;
  payload: unknown;
  created_at: Date;
  delivered_at: Date | null;
  live_sent: boolean;
}

/** Present while Redis still holds what the relay delivered; its absence means Redis lost everything. */
const EPOCH_KEY = 'events:relay-epoch';
// job ids are event ids: the same event queued twice (a relay crash between queue and mark) is one job
const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 86_400, count: 50_000 },
};

/**
 * Delivers every schema's outbox, in order, at least once: to each durable consumer's BullMQ queue (consumers
 * deduplicate by event id) and to live subscribers over Redis pub/sub (best-effort). One relay at a time works
 * on a schema (an advisory lock), so any number may run. A row is marked delivered only after its queues hold
 * it; after a Redis loss (the epoch key is gone) every retained event is queued again.
 */
export class OutboxRelay {
  private readonly queues = new Map<ConsumerName, Queue>();
  private readonly routes = new Map<string, ConsumerName[]>();
  private readonly pending = new Set<string>();
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** When Redis was last checked for a loss: once per poll interval, not on every commit's wake-up. */
  private epochCheckedAt = 0;

  constructor(private readonly options: RelayOptions) {
    for (const [consumer, names] of Object.entries(CONSUMERS) as [ConsumerName, readonly string[]][]) {
      this.queues.set(
        consumer,
        new Queue(consumerQueue(consumer), { connection: options.connection, prefix: options.bullPrefix }),
      );
      for (const name of names) this.routes.set(name, [...(this.routes.get(name) ?? []), consumer]);
    }
  }

  /** Starts polling at once and listening for commits as soon as PostgreSQL answers. */
  start(): void {
    for (const schema of OUTBOX_SCHEMAS) this.pending.add(schema);
    this.kick();
    this.timer = setInterval(() => {
      for (const schema of OUTBOX_SCHEMAS) this.pending.add(schema);
      this.kick();
    }, this.options.pollMs ?? 1_000);
    this.pruneTimer = setInterval(() => void this.prune(), 60_000);
    this.listenUntilStopped();
  }

  private listenUntilStopped(): void {
    if (this.stopped) return;
    this.listen().catch((err) => {
      this.options.logger.warn({ err }, 'outbox listener not connected; polling meanwhile');
      setTimeout(() => this.listenUntilStopped(), 2_000).unref();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.running;
    await this.listener?.end().catch(() => {});
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  /** Relays what is waiting now; resolves when the outboxes have been read once (tests, shutdown). */
  async drain(): Promise<void> {
    for (const schema of OUTBOX_SCHEMAS) this.pending.add(schema);
    this.kick();
    await this.running;
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (msg) => {
      if (msg.payload) this.pending.add(msg.payload);
      this.kick();
    });
    client.on('error', (err) => {
      this.options.logger.warn({ err }, 'outbox listener lost; polling until it is back');
      this.listener = null;
      void client.end().catch(() => {});
      setTimeout(() => this.listenUntilStopped(), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    this.listener = client;
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.pending.size && !this.stopped) this.kick();
    });
  }

  private async loop(): Promise<void> {
    try {
      await this.recoverFromRedisLoss();
    } catch (err) {
      this.options.logger.warn({ err }, 'relay cannot reach Redis; retrying');
      return;
    }
    while (this.pending.size && !this.stopped) {
      const schema = this.pending.values().next().value as string;
      this.pending.delete(schema);
      try {
        // a full batch means more may wait
        if ((await this.relayBatch(schema)) === (this.options.batchSize ?? 500)) this.pending.add(schema);
      } catch (err) {
        this.options.logger.error({ err, schema }, 'outbox relay failed; retried on the next poll');
      }
    }
  }

  private async relayBatch(schema: string): Promise<number> {
    const client = await this.options.db.connect();
    try {
      await client.query('BEGIN');
      const [{ locked }] = (
        await client.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
          `outbox-relay:${schema}`,
        ])
      ).rows;
      if (!locked) {
        await client.query('ROLLBACK');
        return 0;
      }
      const { rows } = await client.query<OutboxRow>(
        `SELECT seq, id, name, version, payload, created_at, delivered_at, live_sent FROM "${schema}".outbox
          WHERE delivered_at IS NULL ORDER BY seq LIMIT $1`,
        [this.options.batchSize ?? 500],
      );
      if (rows.length) await this.deliver(schema, client, rows);
      await client.query('COMMIT');
      return rows.length;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  private async deliver(schema: string, client: PoolClient, rows: OutboxRow[]): Promise<void> {
    const events = rows.map((r): DomainEvent => ({
      id: r.id,
      name: r.name,
      version: r.version,
      payload: r.payload,
      occurredAt: r.created_at.toISOString(),
    }));
    const byConsumer = new Map<ConsumerName, DomainEvent[]>();
    for (const event of events) {
      for (const consumer of this.routes.get(event.name) ?? []) {
        byConsumer.set(consumer, [...(byConsumer.get(consumer) ?? []), event]);
      }
    }
    await Promise.all(
      [...byConsumer].map(([consumer, list]) =>
        this.queues.get(consumer)!.addBulk(
          list.map((event) => ({
            name: event.name,
            data: event,
            opts: { ...JOB_OPTIONS, jobId: event.id },
          })),
        ),
      ),
    );
    const live = events.filter((_, i) => !rows[i]!.live_sent);
    if (live.length) {
      const pipeline = this.options.redis.pipeline();
      for (const event of live)
        pipeline.publish(liveChannel(this.options.redisPrefix, event.name), JSON.stringify(event));
      await pipeline.exec();
    }
    await client.query(
      `UPDATE "${schema}".outbox SET delivered_at = now(), live_sent = true WHERE seq = ANY($1::bigint[])`,
      [rows.map((r) => r.seq)],
    );
  }

  /**
   * Redis may lose everything: when the epoch key is gone, queued-but-unconsumed events went with it, so every
   * event still retained is queued again (consumers skip what they already handled). Live subscribers are not
   * sent them again.
   */
  private async recoverFromRedisLoss(): Promise<void> {
    if (Date.now() - this.epochCheckedAt < (this.options.pollMs ?? 1_000)) return;
    if ((await this.options.redis.exists(EPOCH_KEY)) > 0) {
      this.epochCheckedAt = Date.now();
      return;
    }
    let requeued = 0;
    for (const schema of OUTBOX_SCHEMAS) {
      const result = await this.options.db.query(
        `UPDATE "${schema}".outbox SET delivered_at = NULL WHERE delivered_at IS NOT NULL`,
      );
      requeued += result.rowCount ?? 0;
      this.pending.add(schema);
    }
    await this.options.redis.set(EPOCH_KEY, new Date().toISOString());
    this.epochCheckedAt = Date.now();
    if (requeued)
      this.options.logger.warn({ requeued }, 'Redis lost its state: retained events queued again');
  }

  private async prune(): Promise<void> {
    const retention = this.options.retentionMs ?? 86_400_000;
    for (const schema of OUTBOX_SCHEMAS) {
      await this.options.db
        .query(
          `DELETE FROM "${schema}".outbox
            WHERE delivered_at IS NOT NULL AND delivered_at < now() - $1 * interval '1 millisecond'`,
          [retention],
        )
        .catch((err) => this.options.logger.warn({ err, schema }, 'outbox prune failed'));
    }
  }
}

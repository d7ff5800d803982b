import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ALL_EVENTS,
  CONSUMERS,
  consumerQueue,
  emitEvent,
  eventTablesSql,
  inTransaction,
  linkDeleted,
  on,
  OUTBOX_SCHEMAS,
  startEventConsumer,
  userDeleted,
  type ConsumerName,
} from '@link-archive/events';
import {
  createDatabaseIfMissing,
  deleteKeysWithPrefix,
  dropDatabase,
  repoRoot,
  withDatabase,
} from '@link-archive/devstack';
import { bullPrefix, Enqueuer } from '@link-archive/queues';
import { isolatedRedis, stack } from '@link-archive/testkit';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// a database and Redis prefix of this file's own: the stack's relay must not take these events
const name = `la_relay_${randomUUID().slice(0, 8)}`;
const adminUrl = withDatabase(stack().databaseUrl, 'postgres');
const databaseUrl = withDatabase(stack().databaseUrl, name);
const redisSpace = isolatedRedis('relay');
let db: Pool;
const relays: ChildProcess[] = [];

function startRelay(): ChildProcess {
  const child = spawn(process.execPath, [join(repoRoot, 'workers/dist/index.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WORKERS: 'relay',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisSpace.url,
      REDIS_PREFIX: redisSpace.prefix,
      OUTBOX_POLL_MS: '200',
    },
    stdio: 'ignore',
  });
  relays.push(child);
  return child;
}

beforeAll(async () => {
  await createDatabaseIfMissing(adminUrl, name);
  db = new Pool({ connectionString: databaseUrl, max: 8 });
  // dropping the database at the end terminates what is still connected
  db.on('error', () => {});
  for (const schema of OUTBOX_SCHEMAS) {
    await db.query(`CREATE SCHEMA "${schema}"`);
    for (const sql of eventTablesSql(schema)) await db.query(sql);
  }
  // what each consumer's handler did, written in the handler's transaction
  await db.query('CREATE TABLE public.handled (consumer text NOT NULL, event_id uuid NOT NULL)');
});

afterAll(async () => {
  await Promise.all(
    relays.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? undefined
        : new Promise((resolve) => child.once('exit', resolve).kill('SIGKILL')),
    ),
  );
  await db.end();
  await dropDatabase(adminUrl, name);
  await redisSpace.cleanup();
});

/** Emits `count` events, alternating user.deleted (user outbox) and link.deleted (link outbox). */
async function produce(count: number): Promise<void> {
  for (let i = 0; i < count; i += 25) {
    await inTransaction(db, async (tx) => {
      for (let j = i; j < Math.min(count, i + 25); j++) {
        if (j % 2) await emitEvent(tx, 'link', linkDeleted, { linkId: randomUUID(), ownerId: randomUUID() });
        else await emitEvent(tx, 'user', userDeleted, { userId: randomUUID() });
      }
    });
  }
}

const undelivered = async () =>
  Number(
    (
      await db.query(`SELECT (SELECT count(*) FROM "user".outbox WHERE delivered_at IS NULL) +
                             (SELECT count(*) FROM link.outbox WHERE delivered_at IS NULL) AS n`)
    ).rows[0].n,
  );

describe('the outbox relay', () => {
  it('loses no event to a SIGKILLed relay or a wiped Redis; each consumer handles each event once', async () => {
    const connection = { url: redisSpace.url, maxRetriesPerRequest: null };
    const queues = new Enqueuer(connection, redisSpace.prefix);
    let relay = startRelay();
    await produce(400);
    await vi.waitFor(async () => expect(await undelivered()).toBe(0), { timeout: 30_000, interval: 100 });

    // killed while events keep coming
    const during = produce(400);
    await vi.waitFor(async () => expect(await undelivered()).toBeGreaterThan(0), {
      timeout: 10_000,
      interval: 5,
    });
    relay.kill('SIGKILL');
    await during;
    expect(await undelivered()).toBeGreaterThan(0);

    // control: the wipe destroys queued work that no consumer has seen (the loss the relay must repair)
    const waiting = await queues.queue(consumerQueue('review')).getWaitingCount();
    expect(waiting).toBeGreaterThan(0);
    await queues.close();
    await deleteKeysWithPrefix(redisSpace.url, redisSpace.prefix);

    relay = startRelay();
    await produce(200);
    await vi.waitFor(async () => expect(await undelivered()).toBe(0), { timeout: 30_000, interval: 100 });

    const consumers = (Object.keys(CONSUMERS) as ConsumerName[]).map((consumer) =>
      startEventConsumer({
        consumer,
        schema: consumer,
        handlers: CONSUMERS[consumer].map((eventName) =>
          on(ALL_EVENTS[eventName]!, async (_payload, tx, event) => {
            await tx.query('INSERT INTO public.handled (consumer, event_id) VALUES ($1, $2)', [
              consumer,
              event.id,
            ]);
          }),
        ),
        transaction: (work) => inTransaction(db, work),
        connection,
        bullPrefix: bullPrefix(redisSpace.prefix),
        logger: { warn: () => {}, error: () => {} } as never,
        concurrency: 8,
      }),
    );
    try {
      const expected = async (consumer: ConsumerName) => {
        const names = CONSUMERS[consumer] as readonly string[];
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM (SELECT name FROM "user".outbox UNION ALL SELECT name FROM link.outbox) e
            WHERE name = ANY($1)`,
          [names],
        );
        return rows[0].n as number;
      };
      for (const consumer of Object.keys(CONSUMERS) as ConsumerName[]) {
        const want = await expected(consumer);
        expect(want).toBeGreaterThan(0);
        await vi.waitFor(
          async () => {
            const { rows } = await db.query(
              'SELECT count(*)::int AS n FROM public.handled WHERE consumer = $1',
              [consumer],
            );
            expect(rows[0].n).toBe(want);
          },
          { timeout: 60_000, interval: 200 },
        );
      }
      const { rows: twice } = await db.query(
        'SELECT consumer, event_id FROM public.handled GROUP BY 1, 2 HAVING count(*) > 1',
      );
      expect(twice).toEqual([]);
    } finally {
      await Promise.all(consumers.map((c) => c.close()));
    }
  }, 180_000);
});

import { OutboxRelay } from '@link-archive/events';
import { bullPrefix } from '@link-archive/queues';
import type { ProcessorDefinition } from '../registry';

/** The outbox relay: every subgraph's committed events to their durable consumers' queues and to live pub/sub. */
export const relayProcessor: ProcessorDefinition = {
  name: 'relay',
  start(deps) {
    const relay = new OutboxRelay({
      db: deps.db,
      databaseUrl: deps.env.DATABASE_URL,
      redis: deps.redis,
      redisPrefix: deps.env.REDIS_PREFIX,
      connection: deps.connection,
      bullPrefix: bullPrefix(deps.env.REDIS_PREFIX),
      logger: deps.logger,
      pollMs: deps.env.OUTBOX_POLL_MS,
      retentionMs: deps.env.OUTBOX_RETENTION_MS,
    });
    relay.start();
    return [{ name: 'outbox-relay', close: () => relay.stop() }];
  },
};

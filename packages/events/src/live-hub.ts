import { EventEmitter, on } from 'node:events';
import { createLogger } from '@link-archive/core';
import IORedis from 'ioredis';
import type { DomainEvent, EventContract, PayloadOf } from './define-event';
import { liveChannel } from './routing';

const logger = createLogger('live-events');

/**
 * One contract's live events as the relay publishes them, fanned out in memory by a key (a link, an owner):
 * one Redis subscription per process, so any replica serves any subscriber and an event wakes only the
 * subscriptions of its key. Best-effort: a client that misses one reads the state again.
 */
export class LiveHub<C extends EventContract> {
  private readonly emitter = new EventEmitter();
  private readonly subscriber: IORedis;

  constructor(
    redisUrl: string,
    redisPrefix: string,
    private readonly contract: C,
    keyOf: (payload: PayloadOf<C>) => string,
  ) {
    this.emitter.setMaxListeners(0);
    this.subscriber = new IORedis(redisUrl, { connectTimeout: 5_000, maxRetriesPerRequest: null });
    this.subscriber
      .subscribe(liveChannel(redisPrefix, contract.name))
      .catch((err) => logger.error({ err, event: contract.name }, 'live subscribe failed'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        const parsed = this.contract.payload.safeParse((JSON.parse(message) as DomainEvent).payload);
        if (parsed.success) this.emitter.emit(keyOf(parsed.data as PayloadOf<C>), parsed.data);
      } catch {
        logger.warn({ event: contract.name }, 'malformed live event dropped');
      }
    });
  }

  /** The key's events, until the consumer stops iterating (graphql-ws calls return()). */
  async *events(key: string): AsyncGenerator<PayloadOf<C>> {
    const stop = new AbortController();
    try {
      for await (const [payload] of on(this.emitter, key, { signal: stop.signal }))
        yield payload as PayloadOf<C>;
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    } finally {
      stop.abort();
    }
  }

  close(): void {
    this.subscriber.disconnect();
  }
}

import { EventEmitter, on } from 'node:events';
import { createLogger } from '@link-archive/core';
import IORedis from 'ioredis';
import type { DomainEvent, EventContract } from './define-event';
import { liveChannel } from './routing';

const logger = createLogger('live-events');

/** What one live event means to a hub's subscribers, and whose subscriptions it wakes; null to drop it. */
export type LiveRoute<T> = (event: DomainEvent) => { key: string; value: T } | null;

/**
 * Live events of some contracts as the relay publishes them, fanned out in memory by a key (a link, an owner):
 * one Redis subscription per process, so any replica serves any subscriber and an event wakes only the
 * subscriptions of its key. Best-effort: a client that misses one reads the state again.
 */
export class LiveHub<T> {
  private readonly emitter = new EventEmitter();
  private readonly subscriber: IORedis;

  constructor(redisUrl: string, redisPrefix: string, contracts: EventContract[], route: LiveRoute<T>) {
    this.emitter.setMaxListeners(0);
    this.subscriber = new IORedis(redisUrl, { connectTimeout: 5_000, maxRetriesPerRequest: null });
    this.subscriber
      .subscribe(...contracts.map((c) => liveChannel(redisPrefix, c.name)))
      .catch((err) => logger.error({ err }, 'live subscribe failed'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      let routed: ReturnType<LiveRoute<T>> = null;
      try {
        routed = route(JSON.parse(message) as DomainEvent);
      } catch {
        logger.warn('malformed live event dropped');
      }
      if (routed) this.emitter.emit(routed.key, routed.value);
    });
  }

  /**
   * The key's values that pass `accept`, until the consumer stops iterating. Stopping takes effect at once,
   * also while a read is pending (a generator would hold its listener until the key's next event).
   */
  events(key: string, accept: (value: T) => boolean = () => true): AsyncIterableIterator<T> {
    const stop = new AbortController();
    const inner = on(this.emitter, key, { signal: stop.signal });
    const done = { value: undefined, done: true } as const;
    const iterator: AsyncIterableIterator<T> = {
      next: async () => {
        try {
          for (;;) {
            const step = await inner.next();
            if (step.done) return done;
            const [value] = step.value as [T];
            if (accept(value)) return { value, done: false };
          }
        } catch (err) {
          if ((err as Error).name === 'AbortError') return done;
          throw err;
        }
      },
      return: () => {
        stop.abort();
        return Promise.resolve(done);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  close(): void {
    this.subscriber.disconnect();
  }
}

/** A route for one contract: its payload, parsed, under the key `keyOf` gives. */
export const routeByPayload =
  <C extends EventContract, T>(contract: C, keyOf: (payload: T) => string): LiveRoute<T> =>
  (event) => {
    if (event.name !== contract.name) return null;
    const parsed = contract.payload.safeParse(event.payload);
    return parsed.success ? { key: keyOf(parsed.data as T), value: parsed.data as T } : null;
  };

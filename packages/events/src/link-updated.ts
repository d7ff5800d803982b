import { EventEmitter, on } from 'node:events';
import { createLogger, type Redis } from '@link-archive/core';
import IORedis from 'ioredis';
import { z } from 'zod';

/**
 * A link changed in the pipeline (status, metadata, tags or thumbnail). Carries ids only: subscribers
 * read the link itself, with the viewer's permissions, from its owner.
 */
export const linkUpdatedEvent = z.object({
  linkId: z.uuid(),
  ownerId: z.uuid(),
  /** The link's new status; null when something else changed (its thumbnail). */
  status: z.string().max(20).nullable(),
  at: z.iso.datetime(),
});
export type LinkUpdatedEvent = z.infer<typeof linkUpdatedEvent>;

/** Pub/sub channels are not keys: ioredis' keyPrefix does not apply, so the deployment prefix is spelt out. */
export const linkUpdatedChannel = (redisPrefix: string) => `${redisPrefix}events:link-updated`;

export async function publishLinkUpdated(
  redis: Redis,
  redisPrefix: string,
  event: Omit<LinkUpdatedEvent, 'at'>,
): Promise<void> {
  const message: LinkUpdatedEvent = { ...event, at: new Date().toISOString() };
  await redis.publish(linkUpdatedChannel(redisPrefix), JSON.stringify(message));
}

const logger = createLogger('link-events');

/**
 * One Redis subscription per process, fanned out in memory by owner, so any replica serves any subscriber
 * and an event wakes only its owner's subscriptions. Events are best-effort: a client that misses one still
 * reads the link's state.
 */
export class LinkUpdatedHub {
  private readonly emitter = new EventEmitter();
  private readonly subscriber: IORedis;

  constructor(redisUrl: string, redisPrefix: string) {
    this.emitter.setMaxListeners(0);
    this.subscriber = new IORedis(redisUrl, { connectTimeout: 5_000, maxRetriesPerRequest: null });
    const channel = linkUpdatedChannel(redisPrefix);
    this.subscriber.subscribe(channel).catch((err) => logger.error({ err }, 'link-updated subscribe failed'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      const parsed = linkUpdatedEvent.safeParse(safeJson(message));
      if (parsed.success) this.emitter.emit(parsed.data.ownerId, parsed.data);
      else logger.warn({ message: message.slice(0, 200) }, 'malformed link-updated event dropped');
    });
  }

  /** An owner's events that pass `accept`, until the consumer stops iterating (graphql-ws calls return()). */
  async *events(
    ownerId: string,
    accept: (event: LinkUpdatedEvent) => boolean = () => true,
  ): AsyncGenerator<LinkUpdatedEvent> {
    const stop = new AbortController();
    try {
      for await (const [event] of on(this.emitter, ownerId, { signal: stop.signal })) {
        if (accept(event as LinkUpdatedEvent)) yield event as LinkUpdatedEvent;
      }
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

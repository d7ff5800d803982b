import { EventEmitter, on } from 'node:events';
import { createLogger } from '@link-archive/core';
import IORedis from 'ioredis';
import type { DomainEvent } from './define-event';
import { linkUpdated } from './link-events';
import { mediaReady } from './media-events';
import { liveChannel } from './routing';

/** What a linkUpdated subscriber is told: which link changed and, for a pipeline step, its new status. */
export interface LinkChange {
  linkId: string;
  ownerId: string;
  /** The status the change made; null when something else changed (its thumbnail, its visibility). */
  status: string | null;
}

const logger = createLogger('link-events');

/** A live event as a link change, or null when it does not concern a link. */
function toLinkChange(event: DomainEvent): LinkChange | null {
  if (event.name === linkUpdated.name) {
    const p = linkUpdated.payload.safeParse(event.payload);
    return p.success ? { linkId: p.data.linkId, ownerId: p.data.ownerId, status: p.data.status } : null;
  }
  if (event.name === mediaReady.name) {
    const p = mediaReady.payload.safeParse(event.payload);
    return p.success && p.data.linkId
      ? { linkId: p.data.linkId, ownerId: p.data.ownerId, status: null }
      : null;
  }
  return null;
}

/**
 * Link changes as the outbox relay publishes them live (link.updated, and media.ready for a link's thumbnail):
 * one Redis subscription per process, fanned out in memory by owner, so any replica serves any subscriber
 * and an event wakes only its owner's subscriptions. Live events are best-effort: a client that misses one
 * still reads the link's state.
 */
export class LinkUpdatedHub {
  private readonly emitter = new EventEmitter();
  private readonly subscriber: IORedis;

  constructor(redisUrl: string, redisPrefix: string) {
    this.emitter.setMaxListeners(0);
    this.subscriber = new IORedis(redisUrl, { connectTimeout: 5_000, maxRetriesPerRequest: null });
    const channels = [linkUpdated, mediaReady].map((e) => liveChannel(redisPrefix, e.name));
    this.subscriber
      .subscribe(...channels)
      .catch((err) => logger.error({ err }, 'link-updated subscribe failed'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      const change = toLinkChange(safeJson(message) as DomainEvent);
      if (change) this.emitter.emit(change.ownerId, change);
    });
  }

  /** An owner's changes that pass `accept`, until the consumer stops iterating (graphql-ws calls return()). */
  async *events(
    ownerId: string,
    accept: (change: LinkChange) => boolean = () => true,
  ): AsyncGenerator<LinkChange> {
    const stop = new AbortController();
    try {
      for await (const [change] of on(this.emitter, ownerId, { signal: stop.signal })) {
        if (accept(change as LinkChange)) yield change as LinkChange;
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

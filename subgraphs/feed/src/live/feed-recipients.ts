import { PushQueue, type Logger } from '@link-archive/core';
import type { FeedLiveHubs } from './live-hubs';
import { liveItemOf, type LiveItem } from './live-item';
import type { LiveFeedItem, SharedItems } from './shared-items';

/** Items buffered per subscription for its reader. */
const BUFFERED = 100;

/** One open feedUpdated subscription in this process: who it is for and whom they follow now. */
export interface FeedListener {
  viewerId: string;
  followees: Set<string>;
  queue: PushQueue<LiveItem>;
}

/**
 * Decides, once per new item and for every feedUpdated subscription of this process, who receives it: one
 * reader of the item's events, one read of the item and its link's visibility now, then a loop over the
 * listeners. A PRIVATE link's item never passes; a FOLLOWERS or PUBLIC one passes for followers of its actor,
 * and a FOLLOWERS link only for its owner's followers (a review's link may be someone else's).
 */
export class FeedRecipients {
  private readonly listeners = new Set<FeedListener>();
  private reading = false;

  constructor(
    private readonly live: FeedLiveHubs,
    private readonly items: SharedItems,
    private readonly logger: Logger,
  ) {}

  /** Adds a listener until its queue is returned. */
  listen(viewerId: string, followees: Set<string>, onLeave: () => void): FeedListener {
    const listener: FeedListener = {
      viewerId,
      followees,
      queue: new PushQueue<LiveItem>(BUFFERED, () => {
        this.listeners.delete(listener);
        onLeave();
      }),
    };
    this.listeners.add(listener);
    if (!this.reading) void this.read();
    return listener;
  }

  private async read(): Promise<void> {
    this.reading = true;
    try {
      for await (const event of this.live.items.events('all')) {
        let anyFollower = false;
        for (const listener of this.listeners) {
          if (listener.followees.has(event.actorId)) {
            anyFollower = true;
            break;
          }
        }
        if (!anyFollower) continue;
        try {
          const current = await this.items.load(event.itemId);
          if (current && current.visibility !== 'PRIVATE') this.route(event.actorId, current);
        } catch (err) {
          this.logger.error({ err, itemId: event.itemId }, 'live feed item could not be read');
        }
      }
    } finally {
      this.reading = false;
    }
  }

  private route(actorId: string, current: LiveFeedItem): void {
    const live = liveItemOf(current);
    const owner = current.linkOwnerId;
    const followersOnly = current.visibility === 'FOLLOWERS' && owner !== null;
    for (const listener of this.listeners) {
      if (!listener.followees.has(actorId)) continue;
      if (followersOnly && owner !== listener.viewerId && !listener.followees.has(owner)) continue;
      listener.queue.push(live);
    }
  }
}

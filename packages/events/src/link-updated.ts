import type { DomainEvent } from './define-event';
import { linkUpdated } from './link-events';
import { LiveHub, type LiveRoute } from './live-hub';
import { mediaReady } from './media-events';

/** What a linkUpdated subscriber is told: which link changed and, for a pipeline step, its new status. */
export interface LinkChange {
  linkId: string;
  ownerId: string;
  /** The status the change made; null when something else changed (its thumbnail, its visibility). */
  status: string | null;
}

/** link.updated, and media.ready for a link's thumbnail, as changes of the link, keyed by its owner. */
const toLinkChange: LiveRoute<LinkChange> = (event: DomainEvent) => {
  if (event.name === linkUpdated.name) {
    const p = linkUpdated.payload.safeParse(event.payload);
    if (!p.success) return null;
    return {
      key: p.data.ownerId,
      value: { linkId: p.data.linkId, ownerId: p.data.ownerId, status: p.data.status },
    };
  }
  if (event.name === mediaReady.name) {
    const p = mediaReady.payload.safeParse(event.payload);
    if (!p.success || !p.data.linkId) return null;
    return { key: p.data.ownerId, value: { linkId: p.data.linkId, ownerId: p.data.ownerId, status: null } };
  }
  return null;
};

/** Link changes by owner, for the linkUpdated subscription. */
export const linkChangesHub = (redisUrl: string, redisPrefix: string) =>
  new LiveHub(redisUrl, redisPrefix, [linkUpdated, mediaReady], toLinkChange);
export type LinkChangesHub = ReturnType<typeof linkChangesHub>;

import { z } from 'zod';
import { defineEvent } from './define-event';

const linkStatus = z.enum(['PENDING', 'CRAWLING', 'TAGGING', 'READY', 'FAILED']);
const visibility = z.enum(['PRIVATE', 'FOLLOWERS', 'PUBLIC']);

/** A link's tag names as they are after the change (absent from events written before tags were carried). */
const tags = z.array(z.string().max(100)).max(100).default([]);

/** A person saved a new link (not a repeated save of the same URL). */
export const linkSaved = defineEvent({
  name: 'link.saved',
  version: 1,
  payload: z.object({ linkId: z.uuid(), ownerId: z.uuid(), visibility, tags }),
});

/** A link changed: its pipeline status (null when only its visibility or content changed) and visibility. */
export const linkUpdated = defineEvent({
  name: 'link.updated',
  version: 1,
  payload: z.object({
    linkId: z.uuid(),
    ownerId: z.uuid(),
    status: linkStatus.nullable(),
    visibility,
    tags,
  }),
});

/** A link was deleted by its owner (its row stays as a tombstone for offline sync). */
export const linkDeleted = defineEvent({
  name: 'link.deleted',
  version: 1,
  payload: z.object({ linkId: z.uuid(), ownerId: z.uuid() }),
});

/** A review found on the crawled page (schema.org Review), brought to 1-5 stars. */
export const crawledReview = z.object({
  authorName: z.string().max(200).nullable(),
  rating: z.number().int().min(1).max(5),
  body: z.string().min(1).max(5_000),
  /** As the page gave it (ISO 8601 when it follows schema.org). */
  publishedAt: z.string().max(100).nullable(),
});

/**
 * A crawl stored a link's card: what other domains may know of the page (its title and site, for replies that
 * fit the place) and the reviews it carried, for the review domain to import.
 */
export const linkCrawled = defineEvent({
  name: 'link.crawled',
  version: 1,
  payload: z.object({
    linkId: z.uuid(),
    ownerId: z.uuid(),
    ownerPlan: z.string().max(20),
    title: z.string().max(1_000).nullable(),
    siteName: z.string().max(500).nullable(),
    description: z.string().max(2_000).nullable(),
    reviews: z.array(crawledReview).max(50),
  }),
});

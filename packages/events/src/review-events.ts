import { z } from 'zod';
import { defineEvent } from './define-event';

/** A review was posted or edited (by a person) or imported (CRAWLED, no author). */
export const reviewPosted = defineEvent({
  name: 'review.posted',
  version: 1,
  payload: z.object({
    reviewId: z.uuid(),
    linkId: z.uuid(),
    linkOwnerId: z.uuid(),
    authorId: z.uuid().nullable(),
    rating: z.number().int().min(1).max(5),
    source: z.enum(['USER', 'CRAWLED']),
    /** false when an existing review was edited. */
    created: z.boolean(),
  }),
});

/** A review was deleted by its author or an ADMIN. */
export const reviewDeleted = defineEvent({
  name: 'review.deleted',
  version: 1,
  payload: z.object({ reviewId: z.uuid(), linkId: z.uuid() }),
});

/** The analysis found a review NEGATIVE; the link's owner should look at it (never sent for their own review). */
export const reviewNegative = defineEvent({
  name: 'review.negative',
  version: 1,
  payload: z.object({
    reviewId: z.uuid(),
    linkId: z.uuid(),
    linkOwnerId: z.uuid(),
    authorId: z.uuid().nullable(),
    sentimentScore: z.number().min(-1).max(1),
  }),
});

/** The link's owner published a reply: the review's author hears of it (no author for an imported review). */
export const replyPublished = defineEvent({
  name: 'review.reply_published',
  version: 1,
  payload: z.object({
    replyId: z.uuid(),
    reviewId: z.uuid(),
    linkId: z.uuid(),
    linkOwnerId: z.uuid(),
    reviewAuthorId: z.uuid().nullable(),
  }),
});

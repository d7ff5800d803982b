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

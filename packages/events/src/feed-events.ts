import { z } from 'zod';
import { defineEvent } from './define-event';

const visibility = z.enum(['PRIVATE', 'FOLLOWERS', 'PUBLIC']);

/**
 * A feed item was created: its actor's followers' timelines get it (fan-out) and live feedUpdated
 * subscribers who may see it receive it. `link*` is null for USER_FOLLOWED.
 */
export const feedItemAdded = defineEvent({
  name: 'feed.item_added',
  version: 1,
  payload: z.object({
    itemId: z.uuid(),
    kind: z.enum(['LINK_SAVED', 'REVIEW_POSTED', 'USER_FOLLOWED']),
    actorId: z.uuid(),
    linkId: z.uuid().nullable(),
    linkOwnerId: z.uuid().nullable(),
    visibility: visibility.nullable(),
    /** The item's time in ms: its place in timelines and cursors. */
    at: z.number().int(),
  }),
});

/** A notification was added or grouped into an existing one (then unread again): live notificationAdded. */
export const notificationAdded = defineEvent({
  name: 'feed.notification_added',
  version: 1,
  payload: z.object({ notificationId: z.uuid(), userId: z.uuid() }),
});

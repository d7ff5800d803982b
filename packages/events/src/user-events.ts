import { z } from 'zod';
import { defineEvent } from './define-event';

/** An account was deleted: every subgraph erases what it holds of that user. */
export const userDeleted = defineEvent({
  name: 'user.deleted',
  version: 1,
  payload: z.object({ userId: z.uuid() }),
});

/** An account was created (signed up, anonymously or not): other domains may now refer to it. */
export const userRegistered = defineEvent({
  name: 'user.registered',
  version: 1,
  payload: z.object({ userId: z.uuid() }),
});

/** followerId now follows followeeId (not sent again for a repeated follow). */
export const userFollowed = defineEvent({
  name: 'user.followed',
  version: 1,
  payload: z.object({ followerId: z.uuid(), followeeId: z.uuid() }),
});

/** followerId no longer follows followeeId: FOLLOWERS links stop reaching them at once. */
export const userUnfollowed = defineEvent({
  name: 'user.unfollowed',
  version: 1,
  payload: z.object({ followerId: z.uuid(), followeeId: z.uuid() }),
});

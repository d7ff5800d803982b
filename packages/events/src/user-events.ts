import { z } from 'zod';
import { defineEvent } from './define-event';

/** An account was deleted: every subgraph erases what it holds of that user. */
export const userDeleted = defineEvent({
  name: 'user.deleted',
  version: 1,
  payload: z.object({ userId: z.uuid() }),
});

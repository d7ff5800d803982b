import { z } from 'zod';
import { defineEvent } from './define-event';

const linkStatus = z.enum(['PENDING', 'CRAWLING', 'TAGGING', 'READY', 'FAILED']);
const visibility = z.enum(['PRIVATE', 'FOLLOWERS', 'PUBLIC']);

/** A person saved a new link (not a repeated save of the same URL). */
export const linkSaved = defineEvent({
  name: 'link.saved',
  version: 1,
  payload: z.object({ linkId: z.uuid(), ownerId: z.uuid(), visibility }),
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
  }),
});

/** A link was deleted by its owner (its row stays as a tombstone for offline sync). */
export const linkDeleted = defineEvent({
  name: 'link.deleted',
  version: 1,
  payload: z.object({ linkId: z.uuid(), ownerId: z.uuid() }),
});

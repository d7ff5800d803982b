import { z } from 'zod';
import { defineEvent } from './define-event';

/** A media asset is stored and resized: a link's thumbnail (linkId set) or a client's upload. */
export const mediaReady = defineEvent({
  name: 'media.ready',
  version: 1,
  payload: z.object({
    assetId: z.uuid(),
    kind: z.enum(['THUMBNAIL', 'UPLOAD', 'AVATAR', 'SCREENSHOT']),
    ownerId: z.uuid(),
    linkId: z.uuid().nullable(),
  }),
});

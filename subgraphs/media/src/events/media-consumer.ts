import { on, userDeleted } from '@link-archive/events';
import { eraseOwnerMedia } from '@link-archive/media-domain';
import type { MediaStore } from '@link-archive/storage';

/** What the media domain does with other domains' events. */
export const mediaEventHandlers = (store: MediaStore) => [
  on(userDeleted, ({ userId }, tx) => eraseOwnerMedia(tx, store, userId)),
];

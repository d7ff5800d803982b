import { on, userDeleted } from '@link-archive/events';
import { eraseOwner } from '@link-archive/link-domain';

/** What the link domain does with other domains' events. */
export const linkEventHandlers = [on(userDeleted, ({ userId }, tx) => eraseOwner(tx, userId))];

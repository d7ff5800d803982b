import { on, projectFollow, userDeleted, userFollowed, userUnfollowed } from '@link-archive/events';
import { LINK_SCHEMA, eraseOwner, type LinkArticles } from '@link-archive/link-domain';

/** What the link domain does with other domains' events: erasure, and its projection of the follow graph. */
export const linkEventHandlers = (articles: LinkArticles) => [
  on(userDeleted, ({ userId }, tx) => eraseOwner(tx, userId, articles)),
  on(userFollowed, (edge, tx, event) => projectFollow(tx, LINK_SCHEMA, edge, true, event.occurredAt)),
  on(userUnfollowed, (edge, tx, event) => projectFollow(tx, LINK_SCHEMA, edge, false, event.occurredAt)),
];

import type { Viewer } from '@link-archive/core';
import { requireViewer } from '@link-archive/federation';
import { Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { FeedContext } from '../context';
import { FeedItem } from '../feed-item/feed-item.entity';
import { Notification } from '../notifications/notification.type';

@Resolver()
export class FeedLiveResolver {
  @Subscription(() => FeedItem, {
    description: 'New items of the people the viewer follows, as they happen, only those the viewer may see.',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, FeedContext>) =>
      feedUpdates(context, requireViewer(context)),
  })
  feedUpdated(@Root() event: LiveItem, @Ctx() ctx: FeedContext): FeedItem {
    // a PUBLIC link's item (or a follow) reads the same for every recipient: the gateway may complete it once
    if (event.isPublic) ctx.liveAudience = 'public';
    return event.item;
  }

  @Subscription(() => Notification, {
    description: "The viewer's notifications as they are added or grouped.",
    subscribe: ({ context }: SubscribeResolverData<unknown, object, FeedContext>) =>
      notificationUpdates(context, requireViewer(context)),
  })
  notificationAdded(@Root() notification: Notification): Notification {
    return notification;
  }
}

/**
 * The viewer's followees are read once and then kept current by their own follow and unfollow events, so
 * deciding who receives an item costs no query per subscriber: a PRIVATE link's item never passes, a
 * FOLLOWERS or PUBLIC one passes for followers of its actor (an unfollow stops it at once).
 */
interface LiveItem {
  item: FeedItem;
  isPublic: boolean;
}

async function* feedUpdates(context: FeedContext, viewer: Viewer): AsyncGenerator<LiveItem> {
  const { live, items, follows } = context.services;
  const followees = new Set(await follows.followeesOf(viewer.userId));
  const changes = live.follows.events(viewer.userId);
  const tracking = (async () => {
    for await (const change of changes) {
      if (change.following) followees.add(change.followeeId);
      else followees.delete(change.followeeId);
    }
  })();
  try {
    for await (const event of live.items.events('all', (e) => followees.has(e.actorId))) {
      // the link's visibility as it is now, read once for every subscriber of this replica
      const current = await items.load(event.itemId);
      if (!current || current.visibility === 'PRIVATE') continue;
      // FOLLOWERS links reach only their owner's followers (a review's link may be someone else's)
      const owner = current.linkOwnerId;
      if (current.visibility === 'FOLLOWERS' && owner && owner !== viewer.userId && !followees.has(owner))
        continue;
      yield { item: current.item, isPublic: current.visibility === 'PUBLIC' || current.visibility === null };
    }
  } finally {
    await changes.return(undefined);
    await tracking;
  }
}

async function* notificationUpdates(context: FeedContext, viewer: Viewer): AsyncGenerator<Notification> {
  const { live, notifications } = context.services;
  for await (const event of live.notifications.events(viewer.userId)) {
    const notification = await notifications.byId(viewer, event.notificationId);
    if (notification) yield notification;
  }
}

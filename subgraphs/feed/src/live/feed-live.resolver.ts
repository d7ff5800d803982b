import type { Viewer } from '@link-archive/core';
import { requireViewer } from '@link-archive/federation';
import { Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { FeedContext } from '../context';
import { FeedItem } from '../feed-item/feed-item.entity';
import { Notification } from '../notifications/notification.type';
import type { LiveItem } from './live-item';

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
 * deciding who receives an item costs no query per subscriber (an unfollow stops deliveries at once); which
 * items pass is FeedRecipients' decision, made once per item for every subscription of this process.
 */
async function feedUpdates(context: FeedContext, viewer: Viewer): Promise<AsyncIterableIterator<LiveItem>> {
  const { live, follows, recipients } = context.services;
  const followees = new Set(await follows.followeesOf(viewer.userId));
  const changes = live.follows.events(viewer.userId);
  void (async () => {
    for await (const change of changes) {
      if (change.following) followees.add(change.followeeId);
      else followees.delete(change.followeeId);
    }
  })();
  return recipients.listen(viewer.userId, followees, () => void changes.return?.()).queue;
}

async function* notificationUpdates(context: FeedContext, viewer: Viewer): AsyncGenerator<Notification> {
  const { live, notifications } = context.services;
  for await (const event of live.notifications.events(viewer.userId)) {
    const notification = await notifications.byId(viewer, event.notificationId);
    if (notification) yield notification;
  }
}

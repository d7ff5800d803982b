import {
  LiveHub,
  feedItemAdded,
  notificationAdded,
  routeByPayload,
  userFollowed,
  userUnfollowed,
  type PayloadOf,
} from '@link-archive/events';

export type FeedItemEvent = PayloadOf<typeof feedItemAdded>;
export interface FollowChange {
  followeeId: string;
  following: boolean;
}

/** The live events the feed's subscriptions listen to, one Redis subscription each per process. */
export function feedLiveHubs(redisUrl: string, redisPrefix: string) {
  return {
    // every new item under one key: each feedUpdated subscription keeps only its followees' (an in-memory check)
    items: new LiveHub<FeedItemEvent>(
      redisUrl,
      redisPrefix,
      [feedItemAdded],
      routeByPayload(feedItemAdded, () => 'all'),
    ),
    // a person's own follows and unfollows, so their open feedUpdated follows them at once
    follows: new LiveHub<FollowChange>(redisUrl, redisPrefix, [userFollowed, userUnfollowed], (event) => {
      const contract =
        event.name === userFollowed.name
          ? userFollowed
          : event.name === userUnfollowed.name
            ? userUnfollowed
            : null;
      const parsed = contract?.payload.safeParse(event.payload);
      if (!parsed?.success) return null;
      return {
        key: parsed.data.followerId,
        value: { followeeId: parsed.data.followeeId, following: contract === userFollowed },
      };
    }),
    notifications: new LiveHub<PayloadOf<typeof notificationAdded>>(
      redisUrl,
      redisPrefix,
      [notificationAdded],
      routeByPayload(notificationAdded, (n: PayloadOf<typeof notificationAdded>) => n.userId),
    ),
  };
}
export type FeedLiveHubs = ReturnType<typeof feedLiveHubs>;

import { requireViewer } from '@link-archive/federation';
import { LinkRef, ReviewRef, UserRef } from '@link-archive/federation';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FeedContext } from '../context';
import {
  Notification,
  NotificationConnection,
  NotificationKind,
  NotificationSetting,
} from './notification.type';

@Resolver(() => Notification)
export class NotificationsResolver {
  @Query(() => NotificationConnection, { description: "The viewer's notifications, latest activity first." })
  notifications(
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.notifications.list(requireViewer(ctx), unreadOnly === true, first, after);
  }

  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: FeedContext) {
    return ctx.services.notifications.unreadCount(requireViewer(ctx));
  }

  @Mutation(() => Int, {
    description: 'Marks these notifications (at most 100; none given: all) read; answers how many changed.',
  })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.notifications.markRead(requireViewer(ctx), ids);
  }

  @Query(() => [NotificationSetting], {
    description: 'Each kind of notification and whether the viewer muted it.',
  })
  notificationSettings(@Ctx() ctx: FeedContext) {
    return ctx.services.notifications.settings(requireViewer(ctx));
  }

  @Mutation(() => [NotificationSetting], {
    description: 'Mutes (or unmutes) a kind of notification for the viewer.',
  })
  setNotificationMuted(
    @Arg('kind', () => NotificationKind) kind: NotificationKind,
    @Arg('muted', () => Boolean) muted: boolean,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.notifications.setMuted(requireViewer(ctx), kind, muted);
  }

  @FieldResolver(() => UserRef, { nullable: true })
  actor(@Root() n: Notification): UserRef | null {
    return n.actorId ? { id: n.actorId } : null;
  }

  @FieldResolver(() => LinkRef, { nullable: true })
  link(@Root() n: Notification): LinkRef | null {
    return n.linkId ? { id: n.linkId } : null;
  }

  @FieldResolver(() => ReviewRef, { nullable: true })
  review(@Root() n: Notification): ReviewRef | null {
    return n.reviewId ? { id: n.reviewId } : null;
  }
}

import { Connection } from '@link-archive/federation';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum NotificationKind {
  NEW_FOLLOWER = 'NEW_FOLLOWER',
  NEW_REVIEW = 'NEW_REVIEW',
  NEGATIVE_REVIEW = 'NEGATIVE_REVIEW',
  LINK_READY = 'LINK_READY',
  LINK_FAILED = 'LINK_FAILED',
  REPLY_PUBLISHED = 'REPLY_PUBLISHED',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType('Notification')
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => Boolean)
  read: boolean;

  actorId: string | null;
  linkId: string | null;
  reviewId: string | null;

  @Field(() => Int, {
    description: 'How many events of this kind and target it groups (within a few minutes).',
  })
  count: number;

  @Field(() => Boolean, { description: 'Needs attention now (a NEGATIVE review on your link).' })
  highPriority: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { description: 'The last event it groups; the order of the list.' })
  updatedAt: Date;
}

export const NotificationConnection = Connection('Notification', Notification);

@ObjectType('NotificationSetting', { description: 'Whether a kind of notification reaches you.' })
export class NotificationSetting {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => Boolean)
  muted: boolean;
}

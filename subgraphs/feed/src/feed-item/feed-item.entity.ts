import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum FeedItemKind {
  LINK_SAVED = 'LINK_SAVED',
  REVIEW_POSTED = 'REVIEW_POSTED',
  USER_FOLLOWED = 'USER_FOLLOWED',
}
registerEnumType(FeedItemKind, { name: 'FeedItemKind' });

@Directive('@key(fields: "id")')
@ObjectType('FeedItem')
@Entity({ name: 'feed_items' })
export class FeedItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => FeedItemKind)
  @Column({ type: 'text' })
  kind: FeedItemKind;

  @Column({ type: 'uuid', name: 'actor_id' })
  actorId: string;

  @Column({ type: 'uuid', name: 'link_id', nullable: true })
  linkId: string | null;

  @Column({ type: 'uuid', name: 'review_id', nullable: true })
  reviewId: string | null;

  /** Whom the actor followed (USER_FOLLOWED). */
  @Column({ type: 'uuid', name: 'followee_id', nullable: true })
  followeeId: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

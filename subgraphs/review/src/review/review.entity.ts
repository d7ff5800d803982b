import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ReviewSource, Sentiment } from './review.enums';

@Directive('@key(fields: "id")')
@ObjectType('Review')
@Entity({ name: 'reviews' })
export class Review {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'link_id' })
  linkId: string;

  /** Null when imported from the page's schema.org data. */
  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'source_author_name', nullable: true })
  sourceAuthorName: string | null;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  rating: number;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => ReviewSource)
  @Column({ type: 'text', default: ReviewSource.USER })
  source: ReviewSource;

  @Field(() => Sentiment, { nullable: true })
  @Column({ type: 'text', nullable: true })
  sentiment: Sentiment | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'real', name: 'sentiment_score', nullable: true })
  sentimentScore: number | null;

  @Field(() => [String])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  keywords: string[];

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

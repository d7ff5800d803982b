import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Tag } from '../tags/tag';
import { LinkStatus, Visibility } from './link.enums';

@Directive('@key(fields: "id")')
@ObjectType('Link')
@Entity({ name: 'links' })
export class Link {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'owner_id' })
  ownerId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  url: string;

  @Field(() => String)
  @Column({ type: 'text', name: 'normalized_url' })
  normalizedUrl: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'canonical_url', nullable: true })
  canonicalUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'site_name', nullable: true })
  siteName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'favicon_url', nullable: true })
  faviconUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'image_url', nullable: true })
  imageUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  author: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  excerpt: string | null;

  @Field(() => Int, { nullable: true, description: 'Words of the readable text.' })
  @Column({ type: 'integer', name: 'word_count', nullable: true })
  wordCount: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', name: 'reading_minutes', nullable: true })
  readingMinutes: number | null;

  /** The preserved readable article's S3 key; served as contentUrl. */
  @Column({ type: 'text', name: 'content_key', nullable: true })
  contentKey: string | null;

  @Field(() => LinkStatus)
  @Column({ type: 'text', default: LinkStatus.PENDING })
  status: LinkStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Field(() => [Tag])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  tags: Tag[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Visibility)
  @Column({ type: 'text', default: Visibility.PRIVATE })
  visibility: Visibility;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'crawled_at', nullable: true })
  crawledAt: Date | null;

  /** The owner's plan when saved: the tag workers' AI quota. */
  @Column({ type: 'text', name: 'owner_plan', default: 'FREE' })
  ownerPlan: string;

  /** Grows with every recrawl; jobs of an older generation change nothing. */
  @Column({ type: 'integer', name: 'crawl_generation', default: 1 })
  crawlGeneration: number;

  @Column({ type: 'timestamptz', name: 'status_changed_at', default: () => 'now()' })
  statusChangedAt: Date;

  /** Set when deleted: the row stays as a tombstone so offline clients learn of the deletion. */
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  /** Set in searchLinks results only: where the link matched. */
  @Field(() => String, {
    nullable: true,
    description: 'searchLinks only: a snippet around the matches, HTML-escaped, matches in <mark>.',
  })
  searchHighlight?: string | null;
}

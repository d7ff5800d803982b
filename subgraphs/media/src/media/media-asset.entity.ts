import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MediaKind, MediaStatus } from './media.enums';

@Directive('@key(fields: "id")')
@ObjectType('MediaAsset')
@Entity({ name: 'media_assets' })
export class MediaAsset {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => MediaKind)
  @Column({ type: 'text' })
  kind: MediaKind;

  @Field(() => MediaStatus)
  @Column({ type: 'text', default: MediaStatus.PENDING })
  status: MediaStatus;

  @Column({ type: 'uuid', name: 'owner_id' })
  ownerId: string;

  @Column({ type: 'uuid', name: 'link_id', nullable: true })
  linkId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'content_type', nullable: true })
  contentType: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  bytes: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  blurhash: string | null;

  /** Content-addressed S3 key prefix of the stored original and its sizes; null until stored. */
  @Column({ type: 'text', name: 'storage_key', nullable: true })
  storageKey: string | null;

  /** Why processing failed (UNSUPPORTED_IMAGE, IMAGE_TOO_LARGE, SIZE_MISMATCH, …). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A partner's key for trusted persisted queries. Only a SHA-256 of the secret is stored. */
@ObjectType('ApiKey')
@Entity({ name: 'api_keys' })
export class ApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  /** The first characters of the secret, to recognise a key in lists and logs. */
  @Field(() => String)
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text', name: 'secret_hash' })
  secretHash: string;

  @Column({ type: 'uuid', name: 'created_by' })
  createdBy: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  /** The partner the key is for (several keys may serve one partner). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  partner: string | null;

  /** The persisted operations (by name or id) the key may run; null: every listed one. */
  @Field(() => [String], { nullable: true })
  @Column({ type: 'text', array: true, nullable: true })
  operations: string[] | null;

  /** Requests per minute for this key; null: the gateway's RATE_LIMIT_PER_MINUTE. */
  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', name: 'rate_per_minute', nullable: true })
  ratePerMinute: number | null;
}

/** What the gateway needs to know of a key it is shown. */
export type VerifiedKey = Pick<ApiKey, 'id' | 'name' | 'partner' | 'operations' | 'ratePerMinute'>;

@ObjectType('ApiKeyCreated')
export class ApiKeyCreated {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  /** Shown once, at creation. */
  @Field(() => String)
  secret: string;
}

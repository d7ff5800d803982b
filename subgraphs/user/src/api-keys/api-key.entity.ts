import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

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

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}

@ObjectType('ApiKeyCreated')
export class ApiKeyCreated {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  /** Shown once, at creation. */
  @Field(() => String)
  secret: string;
}

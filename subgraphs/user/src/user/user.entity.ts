import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  USER = 'USER',
  ADMIN = 'ADMIN',
}
export enum Plan {
  FREE = 'FREE',
  BASIC = 'BASIC',
  PREMIUM = 'PREMIUM',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(Role, { name: 'Role' });
registerEnumType(Plan, { name: 'Plan' });

@Directive('@key(fields: "id")')
@ObjectType('User')
@Entity({ name: 'users' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. */
  @Field(() => String)
  @Column({ type: 'text' })
  handle: string;

  /** Stored trimmed and lower-case; null for anonymous accounts. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'display_name', nullable: true })
  displayName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Field(() => Role)
  @Column({ type: 'text', default: Role.USER })
  role: Role;

  @Field(() => Plan)
  @Column({ type: 'text', default: Plan.FREE })
  plan: Plan;

  @Field(() => Boolean)
  @Column({ type: 'boolean', name: 'is_anonymous', default: false })
  isAnonymous: boolean;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  /** Set while an ADMIN has suspended the account (shown to ADMINs only, see AdminResolver). */
  @Column({ type: 'timestamptz', name: 'suspended_at', nullable: true })
  suspendedAt: Date | null;

  @Column({ type: 'text', name: 'suspension_reason', nullable: true })
  suspensionReason: string | null;

  @Column({ type: 'timestamptz', name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;

  /** The language the account's mail is written in: en or ko. */
  @Column({ type: 'text', default: 'en' })
  language: 'en' | 'ko';
}

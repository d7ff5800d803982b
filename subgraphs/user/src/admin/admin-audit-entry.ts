import { Connection } from '@link-archive/federation';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../user/user.entity';

export enum AdminAction {
  SET_ROLE = 'SET_ROLE',
  SET_PLAN = 'SET_PLAN',
  SUSPEND = 'SUSPEND',
  UNSUSPEND = 'UNSUSPEND',
}
registerEnumType(AdminAction, { name: 'AdminAction' });

/** One thing an ADMIN did to an account, as the audit log keeps it. */
@ObjectType('AdminAuditEntry')
export class AdminAuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => AdminAction)
  action: AdminAction;

  /** The ADMIN who did it (null once that account is erased). */
  @Field(() => User, { nullable: true })
  actor: User | null;

  /** The account it was done to (null once erased). */
  @Field(() => User, { nullable: true })
  target: User | null;

  /** What changed, as JSON: `{"from":"USER","to":"ADMIN"}`, `{"reason":"…"}`. */
  @Field(() => String)
  detail: string;

  @Field(() => Date)
  createdAt: Date;

  actorId: string;
  targetId: string;
}

export const AdminAuditConnection = Connection('AdminAuditEntry', AdminAuditEntry);
export const UserConnection = Connection('User', User);

import { Field, ObjectType } from 'type-graphql';
import { User } from '../user/user.entity';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String)
  accessToken: string;

  @Field(() => String)
  refreshToken: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

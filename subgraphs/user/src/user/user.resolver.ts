import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@link-archive/federation';
import type { UserContext } from '../context';
import { User } from './user.entity';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: UserContext) {
    return ctx.viewer ? ctx.loaders.user.load(ctx.viewer.userId) : null;
  }

  @Query(() => User, { nullable: true })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: UserContext) {
    return ctx.loaders.user.load(id);
  }

  @Query(() => User, { nullable: true })
  userByHandle(@Arg('handle', () => String) handle: string, @Ctx() ctx: UserContext) {
    return ctx.services.users.byHandle(handle);
  }

  @Query(() => [User], {
    description: 'People by handle or display-name prefix: the exact handle first (at most 50).',
  })
  searchUsers(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.users.search(query, first);
  }

  @Mutation(() => User)
  updateProfile(
    @Arg('displayName', () => String, { nullable: true }) displayName: string | null | undefined,
    @Arg('bio', () => String, { nullable: true }) bio: string | null | undefined,
    @Arg('handle', () => String, { nullable: true }) handle: string | null | undefined,
    @Arg('language', () => String, { nullable: true, description: 'The language of your mail: en or ko.' })
    language: string | null | undefined,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.users.updateProfile(requireViewer(ctx), { displayName, bio, handle, language });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the e-mail address is confirmed: your own account only (null for others).',
  })
  emailVerified(@Root() user: User, @Ctx() ctx: UserContext): boolean | null {
    return ctx.viewer?.userId === user.id ? !!user.emailVerifiedAt : null;
  }
}

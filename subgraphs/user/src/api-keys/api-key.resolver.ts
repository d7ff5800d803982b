import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireAdmin } from '@link-archive/federation';
import type { UserContext } from '../context';
import { ApiKey, ApiKeyCreated } from './api-key.entity';

@Resolver()
export class ApiKeyResolver {
  @Mutation(() => ApiKeyCreated, {
    description:
      'ADMIN: a partner key. operations: the persisted operations (names or sha256 ids) it may run, none for all; ratePerMinute: its own limit.',
  })
  createApiKey(
    @Arg('name', () => String) name: string,
    @Arg('partner', () => String, { nullable: true }) partner: string | null,
    @Arg('operations', () => [String], { nullable: true }) operations: string[] | null,
    @Arg('ratePerMinute', () => Int, { nullable: true }) ratePerMinute: number | null,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.apiKeys.create(requireAdmin(ctx), name, { partner, operations, ratePerMinute });
  }

  @Query(() => [ApiKey], { description: 'ADMIN: partner keys, newest first, with their last use.' })
  apiKeys(
    @Arg('includeRevoked', () => Boolean, { nullable: true }) includeRevoked: boolean | null,
    @Ctx() ctx: UserContext,
  ) {
    requireAdmin(ctx);
    return ctx.services.apiKeys.list(includeRevoked ?? false);
  }

  @Mutation(() => Boolean)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: UserContext) {
    requireAdmin(ctx);
    return ctx.services.apiKeys.revoke(id);
  }
}

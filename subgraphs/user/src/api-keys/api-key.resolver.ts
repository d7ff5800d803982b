import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireAdmin } from '@link-archive/federation';
import type { UserContext } from '../context';
import { ApiKeyCreated } from './api-key.entity';

@Resolver()
export class ApiKeyResolver {
  @Mutation(() => ApiKeyCreated)
  createApiKey(@Arg('name', () => String) name: string, @Ctx() ctx: UserContext) {
    return ctx.services.apiKeys.create(requireAdmin(ctx), name);
  }

  @Mutation(() => Boolean)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: UserContext) {
    requireAdmin(ctx);
    return ctx.services.apiKeys.revoke(id);
  }
}

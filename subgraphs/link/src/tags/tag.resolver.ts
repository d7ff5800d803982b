import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requireViewer } from '@link-archive/federation';
import type { LinkContext } from '../context';
import { TagCount } from './tag';

@Resolver()
export class TagResolver {
  @Query(() => [TagCount])
  tags(
    @Arg('prefix', () => String, { nullable: true }) prefix: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.links.tagCounts(requireViewer(ctx), prefix, first);
  }
}

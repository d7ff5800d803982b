import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { LinkContext } from '../context';
import { LinkConnection } from '../link/link-connection';
import { UserRef } from '@link-archive/federation';

/** User.links: only what the viewer may see of that user's links. */
@Resolver(() => UserRef)
export class UserLinksResolver {
  @FieldResolver(() => LinkConnection)
  links(
    @Root() user: UserRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.links.list(ctx.viewer, { ownerId: user.id }, first, after);
  }
}

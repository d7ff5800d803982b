import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { UserRef } from '@link-archive/federation';
import type { MediaContext } from '../context';
import { MediaAsset } from '../media/media-asset.entity';

@Resolver(() => UserRef)
export class UserAvatarResolver {
  @FieldResolver(() => MediaAsset, { nullable: true })
  avatar(@Root() user: UserRef, @Ctx() ctx: MediaContext) {
    return ctx.loaders.avatarOfUser.load(user.id);
  }
}

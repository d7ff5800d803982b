import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LinkRef } from '@link-archive/federation';
import type { MediaContext } from '../context';
import { MediaAsset } from '../media/media-asset.entity';

@Resolver(() => LinkRef)
export class LinkThumbnailResolver {
  @FieldResolver(() => MediaAsset, { nullable: true })
  thumbnail(@Root() link: LinkRef, @Ctx() ctx: MediaContext) {
    return ctx.loaders.thumbnailOfLink.load(link.id);
  }

  @FieldResolver(() => MediaAsset, {
    nullable: true,
    description:
      'The page as a browser rendered it, when it needed one (also its thumbnail when it has no image).',
  })
  screenshot(@Root() link: LinkRef, @Ctx() ctx: MediaContext) {
    return ctx.loaders.screenshotOfLink.load(link.id);
  }
}

import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MediaContext } from '../context';
import { MediaAsset } from './media-asset.entity';
import { ImageSize } from './media.enums';
import { assetUrl } from './media-urls';

@Resolver(() => MediaAsset)
export class MediaAssetResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Resized sizes: a public URL. ORIGINAL: a signed URL valid for 5 minutes, for the owner only.',
  })
  url(
    @Root() asset: MediaAsset,
    @Arg('size', () => ImageSize, { defaultValue: ImageSize.MEDIUM }) size: ImageSize,
    @Ctx() ctx: MediaContext,
  ) {
    return assetUrl(ctx.store, asset, size, ctx.viewer);
  }
}

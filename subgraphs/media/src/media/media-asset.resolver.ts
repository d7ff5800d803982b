import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MediaContext } from '../context';
import { MediaAsset } from './media-asset.entity';
import { ImageSize } from './media.enums';
import { publicUrl } from './media-urls';

@Resolver(() => MediaAsset)
export class MediaAssetResolver {
  @FieldResolver(() => String, { nullable: true })
  url(
    @Root() asset: MediaAsset,
    @Arg('size', () => ImageSize, { defaultValue: ImageSize.MEDIUM }) size: ImageSize,
    @Ctx() ctx: MediaContext,
  ) {
    return publicUrl(ctx.config.publicBaseUrl, asset, size);
  }
}

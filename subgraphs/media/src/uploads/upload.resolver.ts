import { requireViewer } from '@link-archive/federation';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { MediaContext } from '../context';
import { MediaAsset } from '../media/media-asset.entity';
import { MediaKind } from '../media/media.enums';
import { UploadTicket } from './upload-ticket';

@Resolver()
export class UploadResolver {
  @Mutation(() => UploadTicket, {
    description: 'A presigned PUT for an image (avatar or link image), size-capped.',
  })
  createUpload(
    @Arg('contentType', () => String) contentType: string,
    @Arg('bytes', () => Int) bytes: number,
    @Arg('purpose', () => MediaKind) purpose: MediaKind,
    @Arg('linkId', () => ID, { nullable: true }) linkId: string | null,
    @Ctx() ctx: MediaContext,
  ) {
    return ctx.services.uploads.create(requireViewer(ctx), { contentType, bytes, purpose, linkId });
  }

  @Mutation(() => MediaAsset, { description: 'Checks the uploaded object and starts resizing it.' })
  completeUpload(@Arg('assetId', () => ID) assetId: string, @Ctx() ctx: MediaContext) {
    return ctx.services.uploads.complete(requireViewer(ctx), assetId);
  }
}

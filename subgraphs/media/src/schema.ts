import { LinkRef, UserRef, buildFederatedSchema } from '@link-archive/federation';
import { MediaAsset } from './media/media-asset.entity';
import { LinkThumbnailResolver } from './link/link-thumbnail.resolver';
import { MediaAssetResolver } from './media/media-asset.resolver';
import { mediaReference } from './media/media.reference';
import { UploadResolver } from './uploads/upload.resolver';
import { UserAvatarResolver } from './user/user-avatar.resolver';

export const buildMediaSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [MediaAssetResolver, LinkThumbnailResolver, UserAvatarResolver, UploadResolver],
      orphanedTypes: [MediaAsset, LinkRef, UserRef],
    },
    mediaReference,
  );

import { LinkRef, UserRef, buildFederatedSchema } from '@link-archive/federation';
import { MediaAsset } from './media/media-asset.entity';
import { LinkThumbnailResolver } from './link/link-thumbnail.resolver';
import { MediaAssetResolver } from './media/media-asset.resolver';
import { mediaReference } from './media/media.reference';
import { UserAvatarResolver } from './user/user-avatar.resolver';

export const buildMediaSchema = () =>
  buildFederatedSchema(
    // no root fields of its own yet: the entities are reachable only through _entities
    {
      resolvers: [MediaAssetResolver, LinkThumbnailResolver, UserAvatarResolver],
      orphanedTypes: [MediaAsset, LinkRef, UserRef],
    },
    mediaReference,
  );

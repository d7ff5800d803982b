import { buildFederatedSchema } from '@link-archive/federation';
import { LinkResolver } from './link/link.resolver';
import { LinkUpdatedResolver } from './link/link-updated.resolver';
import { linkReference } from './link/link.reference';
import { TagResolver } from './tags/tag.resolver';
import { UserLinksResolver } from './user/user-links.resolver';

export const buildLinkSchema = () =>
  buildFederatedSchema(
    { resolvers: [LinkResolver, LinkUpdatedResolver, UserLinksResolver, TagResolver] },
    linkReference,
  );

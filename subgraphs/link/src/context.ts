import type { LinkChangesHub } from '@link-archive/events';
import type { BaseContext } from '@link-archive/federation';
import type { createLinkLoader } from './link/link.loader';
import type { LinkService } from './link/link.service';
import type { LinkSearch } from './search/link-search';

export interface LinkContext extends BaseContext {
  services: { links: LinkService; linkEvents: LinkChangesHub; search: LinkSearch };
  loaders: { link: ReturnType<typeof createLinkLoader> };
}

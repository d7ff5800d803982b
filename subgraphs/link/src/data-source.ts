import { LinkDomainEvents1732500000000 } from './migrations/1732500000000-domain-events';
import { createDataSource, type DataSourceOptions } from '@link-archive/federation';
import { Link } from './link/link.entity';
import { InitLink1732300000000 } from './migrations/1732300000000-init-link';
import { LinkPipeline1732400000000 } from './migrations/1732400000000-link-pipeline';
import { LinkFollowProjection1732900000000 } from './migrations/1732900000000-follow-projection';
import { LinkReadableCopies1733000000000 } from './migrations/1733000000000-readable-copies';
import { LinkSearch1733100000000 } from './migrations/1733100000000-link-search';
import { LinkSaveRequests1733700000000 } from './migrations/1733700000000-save-requests';
import { SearchSavedBuckets1734000000000 } from './migrations/1734000000000-search-saved-buckets';
import { SearchOwnNotes1734100000000 } from './migrations/1734100000000-search-own-notes';

import { LINK_SCHEMA } from '@link-archive/link-domain';

export { LINK_SCHEMA };

export const linkDataSource = (options: Pick<DataSourceOptions, 'url' | 'logger' | 'poolSize'>) =>
  createDataSource({
    ...options,
    schema: LINK_SCHEMA,
    entities: [Link],
    migrations: [
      InitLink1732300000000,
      LinkPipeline1732400000000,
      LinkDomainEvents1732500000000,
      LinkFollowProjection1732900000000,
      LinkReadableCopies1733000000000,
      LinkSearch1733100000000,
      LinkSaveRequests1733700000000,
      SearchSavedBuckets1734000000000,
      SearchOwnNotes1734100000000,
    ],
  });

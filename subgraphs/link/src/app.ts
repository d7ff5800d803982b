import type { SubgraphDefinition } from '@link-archive/federation';
import type { LinkContext } from './context';
import { LINK_SCHEMA, linkDataSource } from './data-source';
import type { LinkEnvironment } from './environment';
import { Link } from './link/link.entity';
import { createLinkLoader } from './link/link.loader';
import { LinkService } from './link/link.service';
import { VisibilityPolicy } from './link/visibility';
import { buildLinkSchema } from './schema';

export const linkSubgraph: SubgraphDefinition<LinkContext, LinkEnvironment> = {
  name: 'link',
  dbSchema: LINK_SCHEMA,
  dataSource: linkDataSource,
  buildSchema: buildLinkSchema,
  async setup({ ds }) {
    const policy = new VisibilityPolicy(ds);
    const links = new LinkService(ds, policy);
    const repo = ds.getRepository(Link);
    return {
      context: (base) => ({
        ...base,
        services: { links },
        loaders: { link: createLinkLoader(repo, policy, base.viewer) },
      }),
    };
  },
};

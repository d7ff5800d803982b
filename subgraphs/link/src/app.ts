import { linkChangesHub } from '@link-archive/events';
import { LinkArticles } from '@link-archive/link-domain';
import { mediaStoreFrom } from '@link-archive/storage';
import type { SubgraphDefinition } from '@link-archive/federation';
import { Enqueuer, retryPolicy } from '@link-archive/queues';
import type { LinkContext } from './context';
import { LINK_SCHEMA, linkDataSource } from './data-source';
import type { LinkEnvironment } from './environment';
import { LinkPipeline } from './link/link-pipeline';
import { Link } from './link/link.entity';
import { createLinkLoader } from './link/link.loader';
import { LinkService } from './link/link.service';
import { LinkSearch } from './search/link-search';
import { VisibilityPolicy } from './link/visibility';
import { buildLinkSchema } from './schema';
import { linkEventHandlers } from './events/link-consumer';

export const linkSubgraph: SubgraphDefinition<LinkContext, LinkEnvironment> = {
  name: 'link',
  dbSchema: LINK_SCHEMA,
  dataSource: linkDataSource,
  buildSchema: buildLinkSchema,
  async setup({ ds, logger }, env) {
    const policy = new VisibilityPolicy(ds);
    const enqueuer = new Enqueuer({ url: env.REDIS_URL }, env.REDIS_PREFIX, retryPolicy(env));
    const pipeline = new LinkPipeline(enqueuer, logger);
    const articles = new LinkArticles(mediaStoreFrom(env));
    const links = new LinkService(ds, policy, pipeline, articles);
    const linkEvents = linkChangesHub(env.REDIS_URL, env.REDIS_PREFIX);
    const search = new LinkSearch(ds.getRepository(Link));
    const repo = ds.getRepository(Link);
    return {
      context: (base) => ({
        ...base,
        services: { links, linkEvents, search },
        loaders: { link: createLinkLoader(repo, policy, base.viewer) },
      }),
      subscriptions: true,
      events: { consumer: 'link', handlers: linkEventHandlers(articles) },
      close: async () => {
        linkEvents.close();
        await enqueuer.close();
      },
    };
  },
};

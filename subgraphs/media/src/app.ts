import type { SubgraphDefinition } from '@link-archive/federation';
import type { MediaContext } from './context';
import { MEDIA_SCHEMA, mediaDataSource } from './data-source';
import type { MediaEnvironment } from './environment';
import { createMediaLoaders } from './media/media.loaders';
import { buildMediaSchema } from './schema';

export const mediaSubgraph: SubgraphDefinition<MediaContext, MediaEnvironment> = {
  name: 'media',
  dbSchema: MEDIA_SCHEMA,
  dataSource: mediaDataSource,
  buildSchema: buildMediaSchema,
  async setup({ ds }, env) {
    const config = { publicBaseUrl: env.MEDIA_PUBLIC_BASE_URL };
    return { context: (base) => ({ ...base, config, loaders: createMediaLoaders(ds) }) };
  },
};

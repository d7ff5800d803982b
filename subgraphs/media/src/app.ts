import type { SubgraphDefinition } from '@link-archive/federation';
import { Enqueuer, retryPolicy } from '@link-archive/queues';
import { mediaStoreFrom } from '@link-archive/storage';
import { UploadService } from './uploads/upload.service';
import type { MediaContext } from './context';
import { MEDIA_SCHEMA, mediaDataSource } from './data-source';
import type { MediaEnvironment } from './environment';
import { createMediaLoaders } from './media/media.loaders';
import { buildMediaSchema } from './schema';
import { mediaEventHandlers } from './events/media-consumer';

export const mediaSubgraph: SubgraphDefinition<MediaContext, MediaEnvironment> = {
  name: 'media',
  dbSchema: MEDIA_SCHEMA,
  dataSource: mediaDataSource,
  buildSchema: buildMediaSchema,
  async setup({ ds }, env) {
    const store = mediaStoreFrom(env);
    const enqueuer = new Enqueuer({ url: env.REDIS_URL }, env.REDIS_PREFIX, retryPolicy(env));
    const uploads = new UploadService(ds, store, enqueuer, env.UPLOAD_MAX_BYTES);
    return {
      context: (base) => ({ ...base, store, services: { uploads }, loaders: createMediaLoaders(ds) }),
      events: { consumer: 'media', handlers: mediaEventHandlers(store) },
      close: async () => {
        await enqueuer.close();
        store.client.destroy();
      },
    };
  },
};

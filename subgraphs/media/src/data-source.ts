import { MediaDomainEvents1732500000000 } from './migrations/1732500000000-domain-events';
import { createDataSource, type DataSourceOptions } from '@link-archive/federation';
import { MediaAsset } from './media/media-asset.entity';
import { InitMedia1732300000000 } from './migrations/1732300000000-init-media';
import { MediaPipeline1732400000000 } from './migrations/1732400000000-media-pipeline';
import { MediaScreenshots1733000000000 } from './migrations/1733000000000-screenshots';

export const MEDIA_SCHEMA = 'media';

export const mediaDataSource = (options: Pick<DataSourceOptions, 'url' | 'logger' | 'poolSize'>) =>
  createDataSource({
    ...options,
    schema: MEDIA_SCHEMA,
    entities: [MediaAsset],
    migrations: [
      InitMedia1732300000000,
      MediaPipeline1732400000000,
      MediaDomainEvents1732500000000,
      MediaScreenshots1733000000000,
    ],
  });

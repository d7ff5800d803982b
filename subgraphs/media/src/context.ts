import type { BaseContext } from '@link-archive/federation';
import type { createMediaLoaders } from './media/media.loaders';

export interface MediaContext extends BaseContext {
  config: { publicBaseUrl: string };
  loaders: ReturnType<typeof createMediaLoaders>;
}

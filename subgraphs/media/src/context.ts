import type { BaseContext } from '@link-archive/federation';
import type { MediaStore } from '@link-archive/storage';
import type { createMediaLoaders } from './media/media.loaders';
import type { UploadService } from './uploads/upload.service';

export interface MediaContext extends BaseContext {
  store: MediaStore;
  services: { uploads: UploadService };
  loaders: ReturnType<typeof createMediaLoaders>;
}

import { ThumbnailAssets } from '@link-archive/media-domain';
import { thumbnailQueue } from '@link-archive/queues';
import { guardedFetch } from '../http/guarded-fetch';
import type { ProcessorDefinition } from '../registry';
import { processImage } from '../thumbnails/process-image';
import { storeThumbnail } from '../thumbnails/store-thumbnail';
import { settleFailure } from './failure';
import { laneWorkers } from './lane-workers';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Thumbnail: the page's image through the guarded client, resized to 150/300/600 px WebP, stored in S3. */
export const thumbnailProcessor: ProcessorDefinition = {
  name: 'thumbnail',
  start(deps) {
    const assets = new ThumbnailAssets(deps.transaction);
    return laneWorkers(
      deps,
      thumbnailQueue,
      deps.env.THUMBNAIL_CONCURRENCY,
      async ({ job }) => {
        const { linkId, ownerId, imageUrl } = job.data;
        try {
          const res = await guardedFetch(imageUrl, {
            ...deps.fetchOptions,
            maxBytes: Math.max(deps.fetchOptions.maxBytes ?? 0, MAX_IMAGE_BYTES),
            accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
          });
          const image = await processImage(res.body);
          await storeThumbnail(deps.media, res.body, image);
          await assets.ready(linkId, ownerId, image, res.body.length);
        } catch (err) {
          return settleFailure({ job, logger: deps.logger, context: { linkId } }, err, (code) =>
            assets.failed(linkId, ownerId, code),
          );
        }
        return 'stored';
      },
      ({ linkId, ownerId }, code) => assets.failed(linkId, ownerId, code),
    );
  },
};

import { UploadAssets } from '@link-archive/media-domain';
import { uploadQueue } from '@link-archive/queues';
import { uploadKey } from '@link-archive/storage';
import type { ProcessorDefinition } from '../registry';
import { processImage } from '../thumbnails/process-image';
import { storeThumbnail } from '../thumbnails/store-thumbnail';
import { recordedFailure, settleFailure } from './failure';
import { laneWorkers } from './lane-workers';

/** Upload: a client's object in uploads/ is sniffed, resized and stored by content, like a page's image. */
export const uploadProcessor: ProcessorDefinition = {
  name: 'upload',
  start(deps) {
    const assets = new UploadAssets(deps.transaction);
    return laneWorkers(
      deps,
      uploadQueue,
      deps.env.THUMBNAIL_CONCURRENCY,
      async ({ job }) => {
        const asset = await assets.get(job.data.assetId);
        if (!asset || asset.status !== 'PENDING') return 'finished';
        // the size was checked on completion; the cap guards against an object replaced since
        const original = await deps.media.get(uploadKey(asset.id), asset.bytes);
        if (!original) {
          await assets.failed(asset.id, 'UPLOAD_MISSING');
          throw recordedFailure('UPLOAD_MISSING');
        }
        try {
          const image = await processImage(original);
          await storeThumbnail(deps.media, original, image);
          await assets.ready(asset.id, image);
        } catch (err) {
          return settleFailure({ job, logger: deps.logger, context: { assetId: asset.id } }, err, (code) =>
            assets.failed(asset.id, code),
          );
        }
        await deps.media.delete(uploadKey(asset.id));
        return 'stored';
      },
      ({ assetId }, code) => assets.failed(assetId, code),
    );
  },
};

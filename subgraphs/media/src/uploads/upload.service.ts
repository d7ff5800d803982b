import { badInput, isUuid, notFound, rateLimited, type Viewer } from '@link-archive/core';
import { UploadAssets } from '@link-archive/media-domain';
import { uploadQueue, type Enqueuer } from '@link-archive/queues';
import { uploadKey, type MediaStore } from '@link-archive/storage';
import type { DataSource, Repository } from 'typeorm';
import { MediaAsset } from '../media/media-asset.entity';
import { MediaKind, MediaStatus } from '../media/media.enums';
import type { UploadTicket } from './upload-ticket';
import { MAX_OPEN_UPLOADS, UPLOAD_URL_SECONDS, checkUpload } from './upload-rules';

/**
 * Presigned uploads: the client PUTs straight to S3, then asks for completion; the object is checked
 * against what was promised (size and type) and an upload job sniffs, resizes and stores it by content.
 */
export class UploadService {
  private readonly assets: Repository<MediaAsset>;
  private readonly uploads: UploadAssets;

  constructor(
    ds: DataSource,
    private readonly store: MediaStore,
    private readonly enqueuer: Enqueuer,
    private readonly maxBytes: number,
  ) {
    this.assets = ds.getRepository(MediaAsset);
    this.uploads = new UploadAssets((work) => ds.transaction((manager) => work(manager)));
  }

  async create(
    viewer: Viewer,
    input: { contentType: string; bytes: number; purpose: MediaKind; linkId?: string | null },
  ): Promise<UploadTicket> {
    const contentType = checkUpload(input.contentType, input.bytes, input.purpose, this.maxBytes);
    if (input.linkId && !isUuid(input.linkId)) throw badInput('linkId', 'not a link id');
    const open = await this.assets
      .createQueryBuilder('a')
      .where("a.owner_id = :owner AND a.status = 'PENDING' AND a.kind <> 'THUMBNAIL'", {
        owner: viewer.userId,
      })
      .andWhere(`a.created_at > now() - interval '${UPLOAD_URL_SECONDS} seconds'`)
      .getCount();
    if (open >= MAX_OPEN_UPLOADS) {
      throw rateLimited(UPLOAD_URL_SECONDS, `at most ${MAX_OPEN_UPLOADS} uploads may be open at once`);
    }
    const id = await this.uploads.create({
      kind: input.purpose,
      ownerId: viewer.userId,
      linkId: input.linkId ?? null,
      contentType,
      bytes: input.bytes,
    });
    const asset = (await this.assets.findOneBy({ id }))!;
    return {
      asset,
      uploadUrl: await this.store.signedPutUrl(uploadKey(asset.id), contentType, UPLOAD_URL_SECONDS),
      headers: [{ name: 'content-type', value: contentType }],
      expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000),
    };
  }

  async complete(viewer: Viewer, assetId: string): Promise<MediaAsset> {
    const asset = isUuid(assetId)
      ? await this.assets.findOneBy({ id: assetId, ownerId: viewer.userId })
      : null;
    if (!asset || asset.kind === MediaKind.THUMBNAIL) throw notFound('Upload');
    if (asset.status !== MediaStatus.PENDING) return asset;
    const stored = await this.store.head(uploadKey(asset.id));
    if (!stored) throw badInput('assetId', 'nothing has been uploaded for this asset yet');
    if (stored.bytes !== asset.bytes) {
      await this.uploads.failed(asset.id, 'SIZE_MISMATCH');
      await this.store.delete(uploadKey(asset.id));
      throw badInput('assetId', `the upload has ${stored.bytes} bytes, not the ${asset.bytes} announced`);
    }
    await this.enqueuer.enqueue(uploadQueue, { assetId: asset.id });
    return asset;
  }
}

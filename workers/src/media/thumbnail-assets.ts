import { emitEvent, inTransaction, mediaReady } from '@link-archive/events';
import type { Pool } from 'pg';
import type { ProcessedImage } from '../thumbnails/process-image';

/**
 * The thumbnail worker's writes to the media schema (it belongs to the media domain): one THUMBNAIL asset
 * per link, upserted, so a repeated job leaves the same row.
 */
export class ThumbnailAssets {
  constructor(private readonly db: Pool) {}

  /** Stores the asset row and emits media.ready in one transaction. */
  async ready(linkId: string, ownerId: string, image: ProcessedImage, bytes: number): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO media.media_assets
              (kind, status, owner_id, link_id, content_type, bytes, width, height, blurhash, storage_key)
       VALUES ('THUMBNAIL', 'READY', $1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (link_id) WHERE kind = 'THUMBNAIL' DO UPDATE
          SET status = 'READY', error = NULL, content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes,
              width = EXCLUDED.width, height = EXCLUDED.height, blurhash = EXCLUDED.blurhash,
              storage_key = EXCLUDED.storage_key, updated_at = now()
       RETURNING id`,
        [ownerId, linkId, image.contentType, bytes, image.width, image.height, image.blurhash, image.sha256],
      );
      await emitEvent(tx, 'media', mediaReady, { assetId: rows[0]!.id, kind: 'THUMBNAIL', ownerId, linkId });
    });
  }

  /** Records why a link has no thumbnail; a thumbnail that was already made stays. */
  async failed(linkId: string, ownerId: string, code: string): Promise<void> {
    await this.db.query(
      `INSERT INTO media.media_assets (kind, status, owner_id, link_id, error)
       VALUES ('THUMBNAIL', 'FAILED', $1, $2, $3)
       ON CONFLICT (link_id) WHERE kind = 'THUMBNAIL' DO UPDATE
          SET error = EXCLUDED.error, updated_at = now()
        WHERE media_assets.status <> 'READY'`,
      [ownerId, linkId, code],
    );
  }
}

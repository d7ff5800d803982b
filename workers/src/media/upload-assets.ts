import { emitEvent, inTransaction, mediaReady } from '@link-archive/events';
import type { Pool } from 'pg';
import type { ProcessedImage } from '../thumbnails/process-image';

export interface PendingUpload {
  id: string;
  ownerId: string;
  status: string;
  bytes: number;
}

/** The upload worker's writes to the media schema: a PENDING upload becomes READY or FAILED, once. */
export class UploadAssets {
  constructor(private readonly db: Pool) {}

  async get(id: string): Promise<PendingUpload | null> {
    const { rows } = await this.db.query<PendingUpload>(
      `SELECT id, owner_id AS "ownerId", status, bytes FROM media.media_assets
        WHERE id = $1 AND kind IN ('UPLOAD', 'AVATAR')`,
      [id],
    );
    return rows[0] ?? null;
  }

  async ready(id: string, image: ProcessedImage): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const { rows } = await tx.query<{ kind: 'UPLOAD' | 'AVATAR'; ownerId: string; linkId: string | null }>(
        `UPDATE media.media_assets
            SET status = 'READY', error = NULL, content_type = $2, width = $3, height = $4, blurhash = $5,
                storage_key = $6, updated_at = now()
          WHERE id = $1 AND status = 'PENDING'
          RETURNING kind, owner_id AS "ownerId", link_id AS "linkId"`,
        [id, image.contentType, image.width, image.height, image.blurhash, image.sha256],
      );
      if (rows[0]) await emitEvent(tx, 'media', mediaReady, { assetId: id, ...rows[0] });
    });
  }

  async failed(id: string, code: string): Promise<void> {
    await this.db.query(
      `UPDATE media.media_assets SET status = 'FAILED', error = $2, updated_at = now()
        WHERE id = $1 AND status = 'PENDING'`,
      [id, code],
    );
  }
}

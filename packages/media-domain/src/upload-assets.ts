import { emitEvent, mediaReady, queryRows } from '@link-archive/events';
import { MEDIA_SCHEMA, type MediaKind } from './media-enums';
import type { StoredImage } from './stored-image';
import type { Transactor } from '@link-archive/events';

export interface PendingUpload {
  id: string;
  ownerId: string;
  status: string;
  bytes: number;
}

/** A client's upload: a PENDING asset becomes READY (emitting media.ready) or FAILED, once. */
export class UploadAssets {
  constructor(private readonly transaction: Transactor) {}

  /** A ticket's asset, PENDING until the object is checked and processed. */
  create(input: {
    kind: MediaKind;
    ownerId: string;
    linkId: string | null;
    contentType: string;
    bytes: number;
  }): Promise<string> {
    return this.transaction(async (tx) => {
      const [row] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO media.media_assets (kind, status, owner_id, link_id, content_type, bytes)
         VALUES ($1, 'PENDING', $2, $3, $4, $5) RETURNING id`,
        [input.kind, input.ownerId, input.linkId, input.contentType, input.bytes],
      );
      return row!.id;
    });
  }

  async get(id: string): Promise<PendingUpload | null> {
    const rows = await this.transaction((tx) =>
      queryRows<PendingUpload>(
        tx,
        `SELECT id, owner_id AS "ownerId", status, bytes FROM media.media_assets
          WHERE id = $1 AND kind IN ('UPLOAD', 'AVATAR')`,
        [id],
      ),
    );
    return rows[0] ?? null;
  }

  ready(id: string, image: StoredImage): Promise<void> {
    return this.transaction(async (tx) => {
      const [row] = await queryRows<{ kind: 'UPLOAD' | 'AVATAR'; ownerId: string; linkId: string | null }>(
        tx,
        `UPDATE media.media_assets
            SET status = 'READY', error = NULL, content_type = $2, width = $3, height = $4, blurhash = $5,
                storage_key = $6, updated_at = now()
          WHERE id = $1 AND status = 'PENDING'
          RETURNING kind, owner_id AS "ownerId", link_id AS "linkId"`,
        [id, image.contentType, image.width, image.height, image.blurhash, image.sha256],
      );
      if (row) await emitEvent(tx, MEDIA_SCHEMA, mediaReady, { assetId: id, ...row });
    });
  }

  failed(id: string, code: string): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.query(
        `UPDATE media.media_assets SET status = 'FAILED', error = $2, updated_at = now()
          WHERE id = $1 AND status = 'PENDING'`,
        [id, code],
      );
    });
  }
}

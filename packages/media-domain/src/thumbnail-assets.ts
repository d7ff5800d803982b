import { emitEvent, mediaReady, queryRows } from '@link-archive/events';
import { MEDIA_SCHEMA } from './media-enums';
import type { StoredImage } from './stored-image';
import type { Transactor } from '@link-archive/events';

/** The images a link has: its thumbnail, and the screenshot of a page that was rendered. */
type LinkImageKind = 'THUMBNAIL' | 'SCREENSHOT';

/**
 * A link's thumbnail (and screenshot): one asset of each kind per link, upserted, so a repeated job leaves the
 * same row; a stored one emits media.ready in the same transaction.
 */
export class ThumbnailAssets {
  constructor(private readonly transaction: Transactor) {}

  ready(
    linkId: string,
    ownerId: string,
    image: StoredImage,
    bytes: number,
    kind: LinkImageKind = 'THUMBNAIL',
  ): Promise<void> {
    return this.transaction(async (tx) => {
      const [row] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO media.media_assets
                (kind, status, owner_id, link_id, content_type, bytes, width, height, blurhash, storage_key)
         VALUES ($9, 'READY', $1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (link_id) WHERE kind = '${kind}' DO UPDATE
            SET status = 'READY', error = NULL, content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes,
                width = EXCLUDED.width, height = EXCLUDED.height, blurhash = EXCLUDED.blurhash,
                storage_key = EXCLUDED.storage_key, updated_at = now()
         RETURNING id`,
        [
          ownerId,
          linkId,
          image.contentType,
          bytes,
          image.width,
          image.height,
          image.blurhash,
          image.sha256,
          kind,
        ],
      );
      await emitEvent(tx, MEDIA_SCHEMA, mediaReady, { assetId: row!.id, kind, ownerId, linkId });
    });
  }

  /** Of these links, the ones whose thumbnail is settled (made, or failed with a reason). */
  async settledFor(linkIds: string[]): Promise<Set<string>> {
    if (!linkIds.length) return new Set();
    const rows = await this.transaction((tx) =>
      queryRows<{ linkId: string }>(
        tx,
        `SELECT link_id AS "linkId" FROM media.media_assets WHERE kind = 'THUMBNAIL' AND link_id = ANY($1::uuid[])`,
        [linkIds],
      ),
    );
    return new Set(rows.map((r) => r.linkId));
  }

  /** Records why a link has no thumbnail; a thumbnail that was already made stays. */
  failed(linkId: string, ownerId: string, code: string): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO media.media_assets (kind, status, owner_id, link_id, error)
         VALUES ('THUMBNAIL', 'FAILED', $1, $2, $3)
         ON CONFLICT (link_id) WHERE kind = 'THUMBNAIL' DO UPDATE
            SET error = EXCLUDED.error, updated_at = now()
          WHERE media_assets.status <> 'READY'`,
        [ownerId, linkId, code],
      );
    });
  }
}

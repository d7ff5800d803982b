import { queryRows, type Queryable } from '@link-archive/events';
import { storedObjectKeys, uploadKey, type MediaStore } from '@link-archive/storage';

/**
 * An erased account's media rows go, with every object stored for them: pending uploads, and originals and
 * sizes whose content no other account's asset shares (storage is content-addressed, so an image two people
 * saved is one set of objects). Deleting objects is idempotent, so a retried erasure deletes again harmlessly.
 */
export async function eraseOwnerMedia(tx: Queryable, store: MediaStore, ownerId: string): Promise<void> {
  const assets = await queryRows<{ id: string; storageKey: string | null; shared: boolean }>(
    tx,
    `SELECT a.id, a.storage_key AS "storageKey",
            EXISTS (SELECT 1 FROM media.media_assets o
                     WHERE o.storage_key = a.storage_key AND o.owner_id <> $1) AS shared
       FROM media.media_assets a WHERE a.owner_id = $1 FOR UPDATE OF a`,
    [ownerId],
  );
  const keys = new Set<string>();
  for (const asset of assets) {
    keys.add(uploadKey(asset.id));
    if (asset.storageKey && !asset.shared)
      for (const key of storedObjectKeys(asset.storageKey)) keys.add(key);
  }
  for (const key of keys) await store.delete(key);
  await tx.query('DELETE FROM media.media_assets WHERE owner_id = $1', [ownerId]);
}

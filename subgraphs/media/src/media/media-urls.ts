import { originalKey, thumbnailKey, type MediaStore } from '@link-archive/storage';
import type { Viewer } from '@link-archive/core';
import type { MediaAsset } from './media-asset.entity';
import { ImageSize } from './media.enums';

const LONGEST_SIDE: Record<Exclude<ImageSize, ImageSize.ORIGINAL>, number> = {
  [ImageSize.SMALL]: 150,
  [ImageSize.MEDIUM]: 300,
  [ImageSize.LARGE]: 600,
};

/** How long a signed URL to an original lives. */
export const ORIGINAL_URL_SECONDS = 300;

/**
 * Resized images are public-read objects under the asset's content hash; the original is private and only
 * its owner gets a short-lived signed URL to it. Null while the asset has nothing stored.
 */
export async function assetUrl(
  store: MediaStore,
  asset: MediaAsset,
  size: ImageSize,
  viewer: Viewer | null,
): Promise<string | null> {
  if (!asset.storageKey) return null;
  if (size !== ImageSize.ORIGINAL) return store.publicUrl(thumbnailKey(asset.storageKey, LONGEST_SIDE[size]));
  if (viewer?.userId !== asset.ownerId) return null;
  return store.signedGetUrl(originalKey(asset.storageKey), ORIGINAL_URL_SECONDS);
}

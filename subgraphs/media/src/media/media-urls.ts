import type { MediaAsset } from './media-asset.entity';
import { ImageSize } from './media.enums';

const SIZE_FILE: Record<Exclude<ImageSize, ImageSize.ORIGINAL>, string> = {
  [ImageSize.SMALL]: '150.webp',
  [ImageSize.MEDIUM]: '300.webp',
  [ImageSize.LARGE]: '600.webp',
};

/**
 * Resized images are public-read objects under the asset's content-addressed key. Originals are private:
 * their short-lived signed URLs come with the thumbnail pipeline, so ORIGINAL has no URL yet.
 */
export function publicUrl(publicBaseUrl: string, asset: MediaAsset, size: ImageSize): string | null {
  if (!asset.storageKey || size === ImageSize.ORIGINAL) return null;
  return `${publicBaseUrl.replace(/\/$/, '')}/${asset.storageKey}/${SIZE_FILE[size]}`;
}

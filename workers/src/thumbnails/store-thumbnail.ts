import { originalKey, thumbnailKey, type MediaStore } from '@link-archive/storage';
import type { ProcessedImage } from './process-image';

/** The original (private) and its sizes (public-read) under content-addressed keys: storing twice is harmless. */
export async function storeThumbnail(media: MediaStore, original: Buffer, image: ProcessedImage) {
  await Promise.all([
    media.put(originalKey(image.sha256), original, image.contentType),
    ...image.sizes.map((size) =>
      media.put(thumbnailKey(image.sha256, size.longestSide), size.data, 'image/webp'),
    ),
  ]);
}

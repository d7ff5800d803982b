import { createHash } from 'node:crypto';
import { encode } from 'blurhash';
import { THUMBNAIL_SIZES } from '@link-archive/storage';
import sharp, { type Metadata } from 'sharp';

/** Decoded pixels we accept: a small file can still claim 50 000 × 50 000 (a decompression bomb). */
export const MAX_PIXELS = 40_000_000;
const ACCEPTED = new Map([
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
  ['gif', 'image/gif'],
  ['avif', 'image/avif'],
  ['heif', 'image/heif'],
]);

export class ImageError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: 'UNSUPPORTED_IMAGE' | 'IMAGE_TOO_LARGE' | 'BAD_IMAGE',
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

export interface ResizedImage {
  longestSide: (typeof THUMBNAIL_SIZES)[number];
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  /** SHA-256 of the original bytes: the content-addressed storage key. */
  sha256: string;
  /** Sniffed from the bytes, never taken from a header or file name. */
  contentType: string;
  width: number;
  height: number;
  blurhash: string;
  sizes: ResizedImage[];
}

/** Checks, measures and resizes an image to WebP at 150, 300 and 600 px on its longest side. */
export async function processImage(original: Buffer, maxPixels = MAX_PIXELS): Promise<ProcessedImage> {
  const input = () => sharp(original, { limitInputPixels: maxPixels, failOn: 'error', animated: false });
  let meta: Metadata;
  try {
    // the header only, without the pixel limit, so a bomb is told apart from a non-image
    meta = await sharp(original, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageError('UNSUPPORTED_IMAGE', 'not an image this service reads');
  }
  const contentType = ACCEPTED.get(meta.format ?? '');
  if (!contentType) throw new ImageError('UNSUPPORTED_IMAGE', `${meta.format} images are not accepted`);
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw new ImageError('BAD_IMAGE', 'the image has no dimensions');
  if (width * height > maxPixels)
    throw new ImageError('IMAGE_TOO_LARGE', `${width}×${height} exceeds ${maxPixels} pixels`);
  try {
    const sizes = await Promise.all(
      THUMBNAIL_SIZES.map(async (longestSide) => {
        const { data, info } = await input()
          .autoOrient()
          .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return { longestSide, width: info.width, height: info.height, data };
      }),
    );
    const small = await input()
      .autoOrient()
      .resize({ width: 32, height: 32, fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const blurhash = encode(new Uint8ClampedArray(small.data), small.info.width, small.info.height, 4, 3);
    return {
      sha256: createHash('sha256').update(original).digest('hex'),
      contentType,
      width,
      height,
      blurhash,
      sizes,
    };
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError(
      'BAD_IMAGE',
      `the image could not be decoded: ${(err as Error).message.slice(0, 200)}`,
    );
  }
}

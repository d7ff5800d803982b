import { createHash } from 'node:crypto';
import decodeIco from 'decode-ico';
import sharp from 'sharp';

/** Favicons are kept at one size: twice the 32 px they are shown at. */
export const FAVICON_SIDE = 64;
/** A favicon larger than this is not a favicon. */
export const MAX_FAVICON_BYTES = 512 * 1024;
const MAX_PIXELS = 2048 * 2048;

export interface ProcessedFavicon {
  png: Buffer;
  sha256: string;
}

const isIco = (body: Buffer) => body.length > 6 && body.readUInt32BE(0) === 0x00000100;

/** The largest image of an .ico (sharp reads no ICO): PNG entries as they are, BMP entries as raw pixels. */
function fromIco(body: Buffer) {
  const entries = decodeIco(body).filter((e) => e.width <= 256 && e.height <= 256);
  const largest = entries.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!largest) throw new Error('the icon file holds no image');
  if (largest.type === 'png') return sharp(Buffer.from(largest.data), { limitInputPixels: MAX_PIXELS });
  return sharp(Buffer.from(largest.data.buffer, largest.data.byteOffset, largest.data.byteLength), {
    raw: { width: largest.width, height: largest.height, channels: 4 },
  });
}

/**
 * A site's icon as we serve it: any of ICO, PNG, GIF, JPEG, WebP, AVIF or SVG (rasterized, so no script in it
 * survives), fitted into a 64 px transparent square as PNG, named by the hash of that PNG.
 */
export async function processFavicon(body: Buffer): Promise<ProcessedFavicon> {
  if (body.length === 0) throw new Error('empty icon');
  if (body.length > MAX_FAVICON_BYTES) throw new Error(`icon larger than ${MAX_FAVICON_BYTES} bytes`);
  const image = isIco(body) ? fromIco(body) : sharp(body, { limitInputPixels: MAX_PIXELS, animated: false });
  const png = await image
    .resize(FAVICON_SIDE, FAVICON_SIDE, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return { png, sha256: createHash('sha256').update(png).digest('hex') };
}

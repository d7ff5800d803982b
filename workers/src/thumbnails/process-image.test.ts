import sharp from 'sharp';
import { pngClaiming } from '@link-archive/testkit';
import { describe, expect, it } from 'vitest';
import { ImageError, processImage } from './process-image';

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } });

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (err) {
    return err instanceof ImageError ? err.code : `unexpected: ${(err as Error).message}`;
  }
  return 'no error';
};

describe('processImage', () => {
  it('makes WebP sizes of 150, 300 and 600 px on the longest side, and a blurhash', async () => {
    const original = await image(1200, 800).jpeg().toBuffer();
    const result = await processImage(original);
    expect(result).toMatchObject({ contentType: 'image/jpeg', width: 1200, height: 800 });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.blurhash).toHaveLength(4 + 2 * 4 * 3);
    expect(result.sizes.map((s) => [s.longestSide, s.width, s.height])).toEqual([
      [150, 150, 100],
      [300, 300, 200],
      [600, 600, 400],
    ]);
    for (const size of result.sizes) expect((await sharp(size.data).metadata()).format).toBe('webp');
  });

  it('never enlarges a small image', async () => {
    const result = await processImage(await image(120, 200).png().toBuffer());
    expect(result.sizes.map((s) => [s.width, s.height])).toEqual([
      [90, 150],
      [120, 200],
      [120, 200],
    ]);
  });

  it('refuses an image bomb by its declared pixels, before decoding', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2_000);
    expect(await codeOf(processImage(bomb))).toBe('IMAGE_TOO_LARGE');
  });

  it('sniffs the type from the bytes: HTML and SVG are not images here', async () => {
    expect(await codeOf(processImage(Buffer.from('<html><body>not an image</body></html>')))).toBe(
      'UNSUPPORTED_IMAGE',
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect(await codeOf(processImage(svg))).toBe('UNSUPPORTED_IMAGE');
  });

  it('reports a truncated image as BAD_IMAGE', async () => {
    const jpeg = await image(400, 400).jpeg().toBuffer();
    expect(await codeOf(processImage(jpeg.subarray(0, jpeg.length / 2)))).toBe('BAD_IMAGE');
  });
});

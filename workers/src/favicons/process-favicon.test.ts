import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FAVICON_SIDE, processFavicon } from './process-favicon';

/** An .ico holding one PNG image, as modern icon files do. */
function icoWithPng(png: Buffer, side: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(side, 6);
  header.writeUInt8(side, 7);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

const solid = (side: number) =>
  sharp({
    create: { width: side, height: side, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } },
  })
    .png()
    .toBuffer();

describe('processFavicon', () => {
  it('turns PNG, ICO and SVG icons into one 64 px PNG named by its hash', async () => {
    for (const body of [await solid(16), icoWithPng(await solid(32), 32)]) {
      const icon = await processFavicon(body);
      const meta = await sharp(icon.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: FAVICON_SIDE, height: FAVICON_SIDE });
      expect(icon.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // an SVG icon is rasterized: nothing of its markup (scripts included) is kept
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><script>alert(1)</script><rect width="32" height="32" fill="green"/></svg>',
    );
    const raster = await processFavicon(svg);
    expect(raster.png.includes(Buffer.from('script'))).toBe(false);
    expect((await sharp(raster.png).metadata()).format).toBe('png');
  });

  it('refuses what is not an image', async () => {
    await expect(processFavicon(Buffer.alloc(0))).rejects.toThrow('empty icon');
    await expect(processFavicon(Buffer.from('<html>not found</html>'))).rejects.toThrow();
  });
});

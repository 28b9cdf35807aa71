// Decoding and encoding image files with sharp (libvips), into the engine's RGBA layout.
import sharp from 'sharp';
import type { RgbaImage } from '../engine/index.ts';

/** Extensions the CLI picks up when walking folders (files named explicitly are always tried). */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.gif'];

/** Expands 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA) channel 8-bit pixels to RGBA. */
export function expandToRgba(pixels: Uint8Array, channels: number, width: number, height: number): Uint8ClampedArray {
  const n = width * height;
  if (channels === 4) return new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, n * 4);
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const s = i * channels;
    const p = i * 4;
    if (channels >= 3) {
      out[p] = pixels[s];
      out[p + 1] = pixels[s + 1];
      out[p + 2] = pixels[s + 2];
    } else {
      out[p] = out[p + 1] = out[p + 2] = pixels[s];
    }
    out[p + 3] = channels === 2 ? pixels[s + 1] : 255;
  }
  return out;
}

/**
 * Reads the first frame (GIF, multi-page TIFF) of an image file, upright per EXIF, as 8-bit
 * sRGB RGBA. Truncated or corrupt data throws (sharp's failOn 'warning' for untrusted input).
 */
export async function decodeImage(input: string | Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(input, { pages: 1, failOn: 'warning', autoOrient: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data: expandToRgba(data, info.channels, info.width, info.height), width: info.width, height: info.height };
}

/** Writes RGBA as PNG; alpha is dropped when fully opaque (smaller files). */
export async function encodePng(image: RgbaImage, file: string): Promise<void> {
  const { data, width, height } = image;
  let opaque = true;
  for (let p = 3; p < data.length && opaque; p += 4) opaque = data[p] === 255;
  const pipeline = sharp(Buffer.from(data.buffer, data.byteOffset, data.length), { raw: { width, height, channels: 4 } });
  await (opaque ? pipeline.removeAlpha() : pipeline).png().toFile(file);
}

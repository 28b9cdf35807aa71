// Decoding and encoding in the background, where neither DOM nor page CSP applies:
// createImageBitmap to decode, OffscreenCanvas to read pixels and to encode the result.
import type { RgbaImage } from '../engine/index.ts';
import { fitWithin } from '../shared/limits.ts';

/** The whole image decoded (EXIF orientation applied): the caller closes it. */
export function decodeBitmap(bytes: Uint8Array<ArrayBuffer>, mime: string): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([bytes], { type: mime }));
}

/** A decoded image's pixels, scaled down to fit `maxSide` (the bitmap stays open). */
export async function pixelsOf(bitmap: ImageBitmap, maxSide: number): Promise<RgbaImage> {
  const size = fitWithin(bitmap.width, bitmap.height, maxSide);
  const scaled = size.width === bitmap.width && size.height === bitmap.height ? bitmap : await createImageBitmap(bitmap, sizeOptions(size, bitmap));
  try {
    const canvas = new OffscreenCanvas(scaled.width, scaled.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    context.drawImage(scaled, 0, 0);
    return { data: context.getImageData(0, 0, scaled.width, scaled.height).data, width: scaled.width, height: scaled.height };
  } finally {
    if (scaled !== bitmap) scaled.close();
  }
}

export async function decodeImage(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  maxSide: number,
): Promise<{ image: RgbaImage; sourceWidth: number; sourceHeight: number }> {
  const bitmap = await decodeBitmap(bytes, mime);
  try {
    return { image: await pixelsOf(bitmap, maxSide), sourceWidth: bitmap.width, sourceHeight: bitmap.height };
  } finally {
    bitmap.close();
  }
}

function sizeOptions(size: { width: number; height: number }, source: { width?: number; height?: number }): ImageBitmapOptions {
  if (size.width === source.width && size.height === source.height) return {};
  return { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' };
}

export function hasTransparency(image: RgbaImage): boolean {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] !== 255) return true;
  return false;
}

/** JPEG for photos; PNG when the source had transparency that JPEG would lose. */
export async function encodeImage(image: RgbaImage, transparent: boolean): Promise<{ bytes: Uint8Array<ArrayBuffer>; mime: string }> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  const mime = transparent ? 'image/png' : 'image/jpeg';
  const blob = await canvas.convertToBlob({ type: mime, quality: 0.92 });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), mime };
}

// Decoding and encoding in the background, where neither DOM nor page CSP applies:
// createImageBitmap to decode, OffscreenCanvas to read pixels and to encode the result.
import type { RgbaImage } from '../engine/index.ts';
import { fitWithin } from './image-policy.ts';

export async function decodeImage(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  maxSide: number,
  known?: { width?: number; height?: number },
): Promise<{ image: RgbaImage; sourceWidth: number; sourceHeight: number }> {
  const blob = new Blob([bytes], { type: mime });
  let bitmap: ImageBitmap;
  let sourceWidth: number;
  let sourceHeight: number;
  if (known?.width && known.height) {
    // Size known from the header: decode straight to the target size (decoders can skip work).
    // Only for thumbnails: an EXIF rotation would swap the axes, which a 64 px probe can ignore.
    sourceWidth = known.width;
    sourceHeight = known.height;
    const size = fitWithin(known.width, known.height, maxSide);
    bitmap = await createImageBitmap(blob, sizeOptions(size, known));
  } else {
    const full = await createImageBitmap(blob);
    sourceWidth = full.width;
    sourceHeight = full.height;
    const size = fitWithin(full.width, full.height, maxSide);
    if (size.width === full.width && size.height === full.height) bitmap = full;
    else {
      bitmap = await createImageBitmap(full, sizeOptions(size, full));
      full.close();
    }
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    return { image: { data, width: bitmap.width, height: bitmap.height }, sourceWidth, sourceHeight };
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

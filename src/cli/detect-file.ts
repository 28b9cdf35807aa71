// Runs the grayscale detector (src/detect) on a decoded image: it expects a small downscale.
import sharp from 'sharp';
import { DETECT_MAX_SIDE, detectImageKind, type Detection } from '../detect/index.ts';
import type { RgbaImage } from '../engine/index.ts';
import { fitWithin } from '../shared/limits.ts';

export async function detectImage(image: RgbaImage): Promise<Detection> {
  const { data, width, height } = image;
  const { width: w, height: h } = fitWithin(width, height, DETECT_MAX_SIDE);
  const small =
    w === width && h === height
      ? data
      : await sharp(Buffer.from(data.buffer, data.byteOffset, data.length), { raw: { width, height, channels: 4 } })
          .resize(w, h, { fit: 'fill' })
          .raw()
          .toBuffer();
  return detectImageKind(new Uint8ClampedArray(small.buffer, small.byteOffset, small.length), w, h);
}

// A colorized result at another strength, made here from the result itself: no fetch, no model.
// The engine makes a result as the original's lightness with the model's chroma times the
// strength (src/engine/compose.ts); so a result made at strength s, with its a* and b* scaled by
// s'/s and its lightness kept, is the result at s' (to 8-bit rounding; colours the engine pulled
// into gamut stay pulled in). Out-of-gamut colours are pulled toward the gray of the same luminance
// as the engine does (src/shared/lab.ts). The page's own pixels are never read.
import { bytesToBase64 } from '../shared/base64.ts';
import { labF, srgbDecode, srgbEncode, writeLinearRgbInGamut } from '../shared/lab.ts';
import { LUMA_B, LUMA_G, LUMA_R, X_B, X_G, X_R, XN, Z_B, Z_G, Z_R, ZN } from '../shared/lab.ts';
import { ResultBytes } from './result-forms.ts';

/** Below this the result has (almost) no chroma to scale: the background is asked again instead. */
export const MIN_SOURCE_STRENGTH = 0.05;

const ENCODE_STEPS = 16384;
/** f(t) tabulated on 0..1 (linear between steps: under 0.001 L* off), for three cube roots a pixel. */
const F_STEPS = 4096;
let decodeTable: Float64Array | undefined;
let encodeTable: Uint8ClampedArray | undefined;
let fTable: Float64Array | undefined;

function tables(): { decode: Float64Array; encode: Uint8ClampedArray; f: Float64Array } {
  if (!decodeTable || !encodeTable || !fTable) {
    decodeTable = Float64Array.from({ length: 256 }, (_, v) => srgbDecode(v / 255));
    encodeTable = Uint8ClampedArray.from({ length: ENCODE_STEPS + 1 }, (_, i) => Math.round(255 * srgbEncode(i / ENCODE_STEPS)));
    fTable = Float64Array.from({ length: F_STEPS + 2 }, (_, i) => labF(i / F_STEPS));
  }
  return { decode: decodeTable, encode: encodeTable, f: fTable };
}

/** Pixels per piece of work: about 8 ms on a slow machine, so no piece is a long task for the page. */
export const PIXELS_PER_PIECE = 40_000;

/** Scales the a* and b* of pixels [from, to) by `factor`, keeping their L* and alpha. In place. */
export function scaleChroma(rgba: Uint8ClampedArray, factor: number, from = 0, to = rgba.length / 4): void {
  if (factor === 1) return;
  const { decode, encode, f } = tables();
  const out = new Float64Array(3);
  const channel = (v: number) => encode[Math.round((v < 0 ? 0 : v > 1 ? 1 : v) * ENCODE_STEPS)];
  const labFOf = (t: number) => {
    const x = (t < 0 ? 0 : t > 1 ? 1 : t) * F_STEPS;
    const i = x | 0;
    return f[i] + (x - i) * (f[i + 1] - f[i]);
  };
  for (let i = from * 4; i < to * 4; i += 4) {
    const r = decode[rgba[i]];
    const g = decode[rgba[i + 1]];
    const b = decode[rgba[i + 2]];
    const y = LUMA_R * r + LUMA_G * g + LUMA_B * b;
    const fy = labFOf(y);
    const fx = labFOf((X_R * r + X_G * g + X_B * b) / XN);
    const fz = labFOf((Z_R * r + Z_G * g + Z_B * b) / ZN);
    // a* = 500 (fx - fy), b* = 200 (fy - fz)
    writeLinearRgbInGamut(y, fy, 500 * (fx - fy) * factor, 200 * (fy - fz) * factor, out, 0);
    rgba[i] = channel(out[0]);
    rgba[i + 1] = channel(out[1]);
    rgba[i + 2] = channel(out[2]);
  }
}

/** Lets the page's own work run (input, rendering) between our pieces. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The result `color` (made at `from`) re-made at strength `to`, as PNG bytes; the pixel work in pieces (no long task). */
export async function renderAtStrength(color: ResultBytes, from: number, to: number): Promise<ResultBytes> {
  if (from === to) return color;
  const bitmap = await createImageBitmap(color.blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const count = canvas.width * canvas.height;
  for (let start = 0; start < count; start += PIXELS_PER_PIECE) {
    if (start > 0) await yieldToPage();
    scaleChroma(pixels.data, to / from, start, Math.min(count, start + PIXELS_PER_PIECE));
  }
  context.putImageData(pixels, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new ResultBytes(bytesToBase64(new Uint8Array(await blob.arrayBuffer())), 'image/png');
}

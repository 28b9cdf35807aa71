// Test images, made from the training photos' freely licensed Debian set (../shared/data/photos)
// or drawn in code. Made once per process with sharp and kept in memory.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const photosDir = resolve(repoRoot, '../shared/data/photos/train');

export interface Fixture {
  body: Buffer;
  type: string;
}

const photo = (n: number) => readFileSync(resolve(photosDir, `deb-${String(n).padStart(6, '0')}.jpg`));

async function gray(n: number, width?: number): Promise<Buffer> {
  return sharp(photo(n)).resize(width).grayscale().jpeg({ quality: 88 }).toBuffer();
}

async function sepia(n: number): Promise<Buffer> {
  // A classic sepia tone: luminance mapped onto a brown ramp.
  return sharp(photo(n))
    .grayscale()
    .toColourspace('srgb')
    .recomb([
      [0.393 + 0.349 + 0.189, 0, 0],
      [0, 0.349 + 0.686 + 0.168 - 0.4, 0],
      [0, 0, 0.272 + 0.534 + 0.131 - 0.45],
    ])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Flat shapes in brand colors: a logo. */
async function logo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160">
    <rect width="320" height="160" fill="#ffffff"/><circle cx="80" cy="80" r="60" fill="#d3302f"/>
    <rect x="160" y="30" width="130" height="100" rx="16" fill="#1e6fd9"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Black strokes on white: line art, gray but not a photo. */
async function lineArt(): Promise<Buffer> {
  const lines = Array.from({ length: 14 }, (_, i) =>
    `<path d="M ${10 + i * 20} 10 Q ${160} ${100 + i * 8} ${300 - i * 15} 230" stroke="#000" stroke-width="3" fill="none"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#fff"/>${lines}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(
    [40, 120, 200].map((v) => sharp({ create: { width: 200, height: 150, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer()),
  );
  return sharp(frames, { join: { animated: true } }).gif({ loop: 0 }).toBuffer();
}

async function huge(): Promise<Buffer> {
  return sharp(await gray(3, 1200)).resize(12000, 9000, { fit: 'fill' }).jpeg({ quality: 40 }).toBuffer();
}

const makers: Record<string, () => Promise<Fixture>> = {
  'gray-1.jpg': async () => ({ body: await gray(52), type: 'image/jpeg' }),
  'gray-2.jpg': async () => ({ body: await gray(31), type: 'image/jpeg' }),
  'gray-3.jpg': async () => ({ body: await gray(62), type: 'image/jpeg' }),
  'gray-4.jpg': async () => ({ body: await gray(30), type: 'image/jpeg' }),
  'sepia.jpg': async () => ({ body: await sepia(58), type: 'image/jpeg' }),
  'color.jpg': async () => ({ body: photo(6), type: 'image/jpeg' }),
  'logo.png': async () => ({ body: await logo(), type: 'image/png' }),
  'line-art.png': async () => ({ body: await lineArt(), type: 'image/png' }),
  'icon.png': async () => ({ body: await sharp(await gray(52)).resize(24, 24).png().toBuffer(), type: 'image/png' }),
  'truncated.jpg': async () => {
    const full = await gray(31);
    return { body: full.subarray(0, Math.floor(full.length * 0.45)), type: 'image/jpeg' };
  },
  'not-image.jpg': async () => ({ body: Buffer.from('<!doctype html><title>oops</title><p>Not an image'), type: 'image/jpeg' }),
  'vector.svg': async () => ({
    body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#888"/><circle cx="150" cy="100" r="80" fill="#444"/></svg>'),
    type: 'image/svg+xml',
  }),
  'animated.gif': async () => ({ body: await animatedGif(), type: 'image/gif' }),
  'pixel.gif': async () => ({
    body: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
    type: 'image/gif',
  }),
  'huge.jpg': async () => ({ body: await huge(), type: 'image/jpeg' }),
  // The colour editor's landscape (test/fixtures/editor: gray, 800x600, sky top left, grass bottom right).
  'landscape.jpg': async () => ({ body: readFileSync(resolve(repoRoot, 'test/fixtures/editor/landscape-gray.jpg')), type: 'image/jpeg' }),
  'landscape-2.jpg': async () => ({ body: await sharp(resolve(repoRoot, 'test/fixtures/editor/landscape-gray.jpg')).jpeg({ quality: 85 }).toBuffer(), type: 'image/jpeg' }),
};

/** An AVIF whose size box (ispe) is renamed: no size can be read before decoding it. */
async function hiddenSizeAvif(): Promise<Buffer> {
  const avif = await sharp(await gray(31, 640)).avif({ effort: 0 }).toBuffer();
  const at = avif.indexOf('ispe');
  avif.write('xspe', at, 'latin1');
  return avif;
}

/** A JPEG with one stray byte before its frame header (SOF0): decoders skip it, a strict header walk stops. */
async function strayByteJpeg(): Promise<Buffer> {
  const jpeg = await gray(62, 640);
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  return Buffer.concat([jpeg.subarray(0, sof), Buffer.from([0x00]), jpeg.subarray(sof)]);
}

makers['hidden-size.avif'] = async () => ({ body: await hiddenSizeAvif(), type: 'image/avif' });
makers['stray-byte.jpg'] = async () => ({ body: await strayByteJpeg(), type: 'image/jpeg' });

const made = new Map<string, Promise<Fixture>>();

export function fixture(name: string): Promise<Fixture> | undefined {
  const make = makers[name];
  if (!make) return undefined;
  let pending = made.get(name);
  if (!pending) made.set(name, (pending = make()));
  return pending;
}

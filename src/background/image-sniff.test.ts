import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from './image-sniff.ts';

const W = 37;
const H = 23;
const raw = () => ({ raw: { width: W, height: H, channels: 3 as const } });
const pixels = () => Buffer.alloc(W * H * 3, 120);

async function encode(format: 'jpeg' | 'png' | 'gif' | 'webp' | 'avif'): Promise<Uint8Array> {
  return new Uint8Array(await sharp(pixels(), raw()).toFormat(format).toBuffer());
}

async function animated(format: 'gif' | 'webp'): Promise<Uint8Array> {
  const frames = await Promise.all(
    [10, 120, 240].map((v) =>
      sharp({ create: { width: W, height: H, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer(),
    ),
  );
  return new Uint8Array(await sharp(frames, { join: { animated: true } }).toFormat(format, { loop: 0 }).toBuffer());
}

describe('sniffImage on real encoded files', () => {
  it.each(['jpeg', 'png', 'gif', 'webp'] as const)('reads %s format and size', async (format) => {
    expect(sniffImage(await encode(format))).toEqual({ format, width: W, height: H, animated: false });
  });

  it('recognizes avif', async () => {
    expect(sniffImage(await encode('avif')).format).toBe('avif');
  });

  it.each(['gif', 'webp'] as const)('flags an animated %s', async (format) => {
    const sniffed = sniffImage(await animated(format));
    expect(sniffed).toMatchObject({ format, animated: true });
  });

  it('reads the size of a progressive JPEG', async () => {
    const bytes = new Uint8Array(await sharp(pixels(), raw()).jpeg({ progressive: true }).toBuffer());
    expect(sniffImage(bytes)).toMatchObject({ format: 'jpeg', width: W, height: H });
  });

  it('reads a huge JPEG size from its header alone', async () => {
    const bytes = new Uint8Array(
      await sharp({ create: { width: 12000, height: 9000, channels: 3, background: '#777' } }).jpeg().toBuffer(),
    );
    expect(sniffImage(bytes.subarray(0, 4096))).toMatchObject({ format: 'jpeg', width: 12000, height: 9000 });
  });

  it('still names a truncated JPEG', async () => {
    const bytes = await encode('jpeg');
    expect(sniffImage(bytes.subarray(0, 10)).format).toBe('jpeg');
  });
});

describe('sniffImage on non-images', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['html', text('<!doctype html><html><body>not found</body></html>'), null],
    ['json', text('{"error":404}'), null],
    ['empty', new Uint8Array(0), null],
    ['svg', text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'), 'svg'],
    ['svg with xml prolog', text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    ['two bytes of JPEG', new Uint8Array([0xff, 0xd8]), null],
  ])('%s -> %s', (_name, bytes, format) => {
    expect(sniffImage(bytes).format).toBe(format);
  });
});

describe('sizes a decoder would see but a header walk could miss', () => {
  it('reads an AVIF size from its ispe box, also at 6000x4000', async () => {
    expect(sniffImage(await encode('avif'))).toEqual({ format: 'avif', width: W, height: H, animated: false });
    const big = new Uint8Array(await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#777' } }).avif({ effort: 0 }).toBuffer());
    expect(sniffImage(big)).toMatchObject({ format: 'avif', width: 6000, height: 4000 });
  });

  it('gives no size for an AVIF whose ispe is hidden (renamed), and for one cut before meta', async () => {
    const bytes = await encode('avif');
    const at = Buffer.from(bytes).indexOf('ispe');
    const hidden = bytes.slice();
    hidden.set([0x78, 0x78, 0x78, 0x78], at);
    expect(sniffImage(hidden)).toEqual({ format: 'avif', animated: false });
    expect(sniffImage(bytes.subarray(0, 40))).toEqual({ format: 'avif', animated: false });
  });

  it('gives no size for a JPEG with a stray byte before its SOF (libjpeg would skip it and decode)', async () => {
    const bytes = await encode('jpeg');
    const sof = Buffer.from(bytes).indexOf(Buffer.from([0xff, 0xc0]));
    const stray = new Uint8Array([...bytes.subarray(0, sof), 0x00, ...bytes.subarray(sof)]);
    expect(sniffImage(stray)).toEqual({ format: 'jpeg', animated: false });
    expect((await sharp(stray).metadata()).width).toBe(W); // the decoder still reads it
  });

  it('gives no size for a GIF whose first frame does not fill its logical screen (decoders disagree on its size)', () => {
    // 10x10 screen, one 3000x2000 frame at 0,0 (no color tables), then the trailer.
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 10, 0, 10, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 0xb8, 0x0b, 0xd0, 0x07, 0, 2, 0, 0x3b]);
    expect(sniffImage(gif)).toEqual({ format: 'gif', animated: false });
    gif.set([0xb8, 0x0b, 0xd0, 0x07], 6); // a 3000x2000 screen: now the frame fills it
    expect(sniffImage(gif)).toEqual({ format: 'gif', width: 3000, height: 2000, animated: false });
  });
});

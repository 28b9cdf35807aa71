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

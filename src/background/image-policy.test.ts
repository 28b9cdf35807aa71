import { describe, expect, it } from 'vitest';
import { judgeImage, MAX_IMAGE_BYTES, mediaType } from './image-policy.ts';
import type { Sniffed } from './image-sniff.ts';

const jpeg = (width?: number, height?: number): Sniffed => ({ format: 'jpeg', width, height, animated: false });

describe('judgeImage', () => {
  it.each<[string, Sniffed, string, number, string | null]>([
    ['a photo', jpeg(800, 600), 'image/jpeg', 80_000, null],
    ['a JPEG whose SOF was not found', jpeg(), 'image/jpeg', 80_000, 'size unreadable before decoding (jpeg)'],
    ['an AVIF without ispe', { format: 'avif', animated: false }, 'image/avif', 80_000, 'size unreadable'],
    ['an AVIF with ispe', { format: 'avif', width: 800, height: 600, animated: false }, 'image/avif', 80_000, null],
    ['a huge AVIF', { format: 'avif', width: 8000, height: 6000, animated: false }, 'image/avif', 80_000, 'too large (8000x6000)'],
    ['octet-stream that is a JPEG', jpeg(800, 600), 'application/octet-stream', 80_000, null],
    ['no content type', jpeg(800, 600), '', 80_000, null],
    ['html served as image/jpeg', { format: null, animated: false }, 'image/jpeg', 500, 'not an image'],
    ['html served as html', jpeg(800, 600), 'text/html', 500, 'not an image (text/html)'],
    ['svg', { format: 'svg', animated: false }, 'image/svg+xml', 500, 'vector image'],
    ['svg declared only', { format: null, animated: false }, 'image/svg+xml', 500, 'vector image'],
    ['animated gif', { format: 'gif', width: 200, height: 200, animated: true }, 'image/gif', 5000, 'animated gif'],
    ['12000x9000', jpeg(12000, 9000), 'image/jpeg', 3_000_000, 'too large (12000x9000)'],
    ['too many bytes', jpeg(800, 600), 'image/jpeg', MAX_IMAGE_BYTES + 1, 'too large'],
    ['1x1', { format: 'gif', width: 1, height: 1, animated: false }, 'image/gif', 43, 'too small (1x1)'],
  ])('%s', (_name, sniffed, type, bytes, failure) => {
    const verdict = judgeImage(sniffed, type, bytes);
    if (failure === null) expect(verdict).toEqual({ ok: true, format: sniffed.format });
    else expect(verdict.ok ? '' : verdict.reason).toContain(failure);
  });
});

describe('mediaType', () => {
  it.each([
    ['image/JPEG; charset=binary', 'image/jpeg'],
    [null, ''],
    ['  text/html ', 'text/html'],
  ])('%j -> %j', (header, expected) => expect(mediaType(header)).toBe(expected));
});

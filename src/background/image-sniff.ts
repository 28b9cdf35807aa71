// What an image file really is, from its first bytes: servers lie about Content-Type, pages serve
// HTML as image/jpeg, and a 12000x9000 JPEG must be refused before it is decoded. Pure.

export type RasterFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'avif';

export interface Sniffed {
  format: RasterFormat | 'svg' | null;
  /** Dimensions from the header, when the header is complete enough to say. */
  width?: number;
  height?: number;
  animated: boolean;
}

export const FORMAT_MIME: Record<RasterFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));
const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

export function sniffImage(bytes: Uint8Array): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return sniffJpeg(bytes);
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return sniffPng(bytes);
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return sniffGif(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return sniffWebp(bytes);
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    return { format: 'bmp', width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)), animated: false };
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 4))) {
    return { format: 'avif', animated: ascii(bytes, 8, 4) === 'avis' };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { format: 'svg', animated: false };
  return { format: null, animated: false };
}

function sniffJpeg(b: Uint8Array): Sniffed {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return { format: 'jpeg', animated: false };
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7), animated: false };
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    i += 2 + u16be(b, i + 2);
  }
  return { format: 'jpeg', animated: false };
}

function sniffPng(b: Uint8Array): Sniffed {
  const size = b.length >= 24 && ascii(b, 12, 4) === 'IHDR' ? { width: u32be(b, 16), height: u32be(b, 20) } : {};
  // APNG: an acTL chunk before the first IDAT.
  let i = 8;
  while (i + 8 <= b.length) {
    const type = ascii(b, i + 4, 4);
    if (type === 'acTL') return { format: 'png', ...size, animated: true };
    if (type === 'IDAT' || type === 'IEND') break;
    i += 12 + u32be(b, i);
  }
  return { format: 'png', ...size, animated: false };
}

function sniffGif(b: Uint8Array): Sniffed {
  const result: Sniffed = { format: 'gif', animated: false };
  if (b.length < 13) return result;
  result.width = u16le(b, 6);
  result.height = u16le(b, 8);
  let i = 13 + (b[10] & 0x80 ? 3 * 2 ** ((b[10] & 7) + 1) : 0);
  let frames = 0;
  const skipSubBlocks = () => {
    while (i < b.length && b[i] !== 0) i += b[i] + 1;
    i += 1;
  };
  while (i < b.length) {
    const block = b[i];
    if (block === 0x3b) break;
    if (block === 0x21) {
      i += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames += 1;
      if (frames > 1) {
        result.animated = true;
        break;
      }
      const packed = b[i + 9];
      i += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0) + 1; // + LZW minimum code size
      skipSubBlocks();
    } else {
      break; // corrupt or truncated: what was read so far stands
    }
  }
  return result;
}

function sniffWebp(b: Uint8Array): Sniffed {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) {
    return { format: 'webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27), animated: (b[20] & 0x02) !== 0 };
  }
  if (chunk === 'VP8 ' && b.length >= 30) {
    return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, animated: false };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, animated: false };
  }
  return { format: 'webp', animated: false };
}

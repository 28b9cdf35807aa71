// What an image file really is, from its first bytes: servers lie about Content-Type, pages serve
// HTML as image/jpeg, and a 12000x9000 JPEG must be refused before it is decoded. Pure. A size is
// given only when the header states it where the decoder reads it; image-policy.ts refuses a file
// without one (fuzzed against real decoders in image-sniff.fuzz.test.ts).

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
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const avif = sniffAvif(bytes);
    if (avif) return avif;
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
  const screenWidth = u16le(b, 6);
  const screenHeight = u16le(b, 8);
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
      if (i + 10 > b.length) break;
      // The size is known once the first frame is, and only where decoders agree on it: a first
      // frame that fills the logical screen exactly. Otherwise Chromium may take the frame's size
      // and libnsgif the screen's or the frame's, so such a file gets no size and is refused.
      if (fillsScreen(screenWidth, screenHeight, u16le(b, i + 1), u16le(b, i + 3), u16le(b, i + 5), u16le(b, i + 7))) {
        result.width = screenWidth;
        result.height = screenHeight;
      } else {
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

function fillsScreen(screenWidth: number, screenHeight: number, x: number, y: number, width: number, height: number): boolean {
  return x === 0 && y === 0 && width === screenWidth && height === screenHeight;
}

function sniffWebp(b: Uint8Array): Sniffed {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) {
    return { format: 'webp', width: 1 + u24le(b, 24), height: 1 + u24le(b, 27), animated: (b[20] & 0x02) !== 0 };
  }
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, animated: false };
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, animated: false };
  }
  return { format: 'webp', animated: false };
}

/** An ISOBMFF box: its type and where its payload starts and ends. */
interface Box {
  type: string;
  start: number;
  end: number;
}

/** The boxes between `start` and `end`; stops at the first one that does not fit. */
function boxes(b: Uint8Array, start: number, end: number): Box[] {
  const found: Box[] = [];
  let i = start;
  while (i + 8 <= end) {
    let size = u32be(b, i);
    let header = 8;
    if (size === 1) {
      if (i + 16 > end || u32be(b, i + 8) !== 0) break; // 64-bit sizes beyond 4 GB are not images we take
      size = u32be(b, i + 12);
      header = 16;
    } else if (size === 0) {
      size = end - i;
    }
    if (size < header || i + size > end) break;
    found.push({ type: ascii(b, i + 4, 4), start: i + header, end: i + size });
    i += size;
  }
  return found;
}

const AVIF_MAX_SIDE = 32_768;

const child = (list: Box[], type: string) => list.find((box) => box.type === type);

/**
 * AVIF (HEIF with AV1): the brands in 'ftyp' say it is one, and the size is the largest 'ispe'
 * (image spatial extents) property in meta/iprp/ipco: the primary image's, or its grid's, which is
 * never smaller than a tile, thumbnail or alpha plane. Undefined for an ftyp of another format.
 */
function sniffAvif(b: Uint8Array): Sniffed | undefined {
  const top = boxes(b, 0, b.length);
  const ftyp = top[0]?.type === 'ftyp' ? top[0] : undefined;
  const brands: string[] = [];
  if (ftyp) {
    for (let i = ftyp.start; i + 4 <= ftyp.end; i += 4) if (i !== ftyp.start + 4) brands.push(ascii(b, i, 4)); // skip minor version
  } else if (b.length >= 12) {
    brands.push(ascii(b, 8, 4)); // ftyp cut short: its major brand still says what the file is
  }
  if (!brands.includes('avif') && !brands.includes('avis')) return undefined;
  const result: Sniffed = { format: 'avif', animated: brands.includes('avis') };
  const meta = child(top, 'meta');
  if (!meta || meta.end - meta.start < 4) return result;
  const iprp = child(boxes(b, meta.start + 4, meta.end), 'iprp'); // meta is a full box: version and flags first
  const ipco = iprp && child(boxes(b, iprp.start, iprp.end), 'ipco');
  if (!ipco) return result;
  let best: { width: number; height: number } | undefined;
  for (const box of boxes(b, ipco.start, ipco.end)) {
    if (box.type !== 'ispe' || box.end - box.start < 12) continue;
    const width = u32be(b, box.start + 4);
    const height = u32be(b, box.start + 8);
    // Beyond libavif's and libheif's dimension limit no decoder agrees on a size: none is given.
    if (width > AVIF_MAX_SIDE || height > AVIF_MAX_SIDE) return result;
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best ? { ...result, ...best } : result;
}

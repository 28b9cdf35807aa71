// Builds the detector's test images: real colour photos, gray and toned versions of them made
// through real JPEG encoding, real graphics from test/fixtures/detect and graphics drawn as SVG.
// Every image is downscaled with sharp to DETECT_MAX_SIDE, as the extension does before detecting.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { ImageKind } from '../../src/detect/index.ts';
import { DETECT_MAX_SIDE } from '../../src/detect/index.ts';
import { VAL_TRUE_KIND } from './detect-expectations.ts';
import { SVG_GRAPHICS } from './detect-svg-graphics.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VAL_DIR = path.resolve(REPO_ROOT, '../shared/data/photos/val');
export const VAL_SCENES_DIR = path.resolve(REPO_ROOT, '../shared/data/photos/val-scenes');
const MANIFEST = path.resolve(REPO_ROOT, '../shared/data/photos/MANIFEST.tsv');
const FIXTURES = path.resolve(REPO_ROOT, 'test/fixtures/detect');
/** Simulated old prints made from freely licensed photos (test/fixtures/detect/prints/generate.ts). */
export const PRINT_FIXTURES = path.join(FIXTURES, 'prints');
/**
 * Real black-and-white and toned prints (bw/) and real muted colour photos (muted/): test data
 * only, never committed (see its SOURCES.md). Absent on machines without the shared data.
 */
export const SHARED_PRINTS = path.resolve(REPO_ROOT, '../shared/data/prints');

export interface Small {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface DetectCase {
  name: string;
  group: string;
  expected: ImageKind;
  /** Other kinds that are equally right for this case (both lead to the same action). */
  alsoRight?: ImageKind[];
  /** The full-size encoded image (JPEG, PNG, GIF) as a page would serve it. */
  load: () => Promise<Buffer>;
}

/**
 * lanczos3 is sharp's default and close to what canvas drawImage does with
 * imageSmoothingQuality 'high'; nearest is the worst case, a point-sampling downscale.
 */
export type DownscaleKernel = 'lanczos3' | 'nearest';

/** Downscales to at most DETECT_MAX_SIDE on the long side, as the extension does before detecting. */
export async function downscale(input: Buffer, kernel: DownscaleKernel = 'lanczos3'): Promise<Small> {
  const { data, info } = await sharp(input)
    .resize({ width: DETECT_MAX_SIDE, height: DETECT_MAX_SIDE, fit: 'inside', withoutEnlargement: true, kernel })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** Photos of one split (val, val-scenes) by mean chroma (MANIFEST.tsv), lowest first: the muted ones are the hard cases. */
export function valPhotosByChroma(split: 'val' | 'val-scenes' = 'val'): { file: string; meanChroma: number }[] {
  const present = new Set(readdirSync(split === 'val' ? VAL_DIR : VAL_SCENES_DIR));
  return readFileSync(MANIFEST, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((f) => f[1] === split && present.has(f[0]))
    .map((f) => ({ file: f[0], meanChroma: Number(f[7]) }))
    .sort((p, q) => p.meanChroma - q.meanChroma);
}

/** Deterministic uniform numbers in (0, 1) (mulberry32), so cases are the same every run. */
export function uniformRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
}

/** Deterministic Gaussian noise (mulberry32 + Box-Muller). */
export function gaussian(seed: number): () => number {
  const uniform = uniformRandom(seed);
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

type Rgb = [number, number, number];

/** Per-pixel transform of a photo's gray value (0..255) into RGB, then a real JPEG round trip. */
async function grayMapped(file: string, quality: number, map: (v: number, i: number) => Rgb): Promise<Buffer> {
  const { data, info } = await sharp(path.join(VAL_DIR, file)).grayscale().raw().toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(info.width * info.height * 3);
  for (let i = 0; i < info.width * info.height; i++) {
    const rgb = map(data[i], i);
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.max(0, Math.min(255, Math.round(rgb[c])));
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

function gradientMap(dark: Rgb, light: Rgb): (v: number) => Rgb {
  return (v) => {
    const t = v / 255;
    return [dark[0] + (light[0] - dark[0]) * t, dark[1] + (light[1] - dark[1]) * t, dark[2] + (light[2] - dark[2]) * t];
  };
}

/** The classic sepia matrix (CSS sepia(1)), applied to the colour photo itself. */
const SEPIA_MATRIX: [Rgb, Rgb, Rgb] = [
  [0.393, 0.769, 0.189],
  [0.349, 0.686, 0.168],
  [0.272, 0.534, 0.131],
];

interface Variant {
  tag: string;
  expected: ImageKind;
  alsoRight?: ImageKind[];
  make: (file: string) => Promise<Buffer>;
}

export const GRAY_VARIANTS: Variant[] = [
  ...[40, 75, 95].map((q) => ({
    tag: `gray-q${q}`,
    expected: 'grayscale' as ImageKind,
    make: (file: string) => grayMapped(file, q, (v) => [v, v, v]),
  })),
  // A gray print scanned on a colour scanner: independent sensor noise per channel (sigma 4)
  // that JPEG then smears into chroma blotches.
  ...[40, 75].map((q) => ({
    tag: `gray-scan-noise-q${q}`,
    expected: 'grayscale' as ImageKind,
    make: (file: string) => {
      const noise = gaussian(q * 7919 + file.length);
      return grayMapped(file, q, (v) => [v + 4 * noise(), v + 4 * noise(), v + 4 * noise()]);
    },
  })),
  ...[40, 75, 95].map((q) => ({
    tag: `sepia-q${q}`,
    expected: 'toned' as ImageKind,
    make: (file: string) => sharp(path.join(VAL_DIR, file)).recomb(SEPIA_MATRIX).jpeg({ quality: q }).toBuffer(),
  })),
  // A warm-toned print: dark brown shadows to cream paper.
  ...[40, 90].map((q) => ({
    tag: `brown-print-q${q}`,
    expected: 'toned' as ImageKind,
    make: (file: string) => grayMapped(file, q, gradientMap([40, 24, 12], [245, 233, 208])),
  })),
  // Cyanotype: Prussian blue shadows to pale paper.
  ...[40, 90].map((q) => ({
    tag: `cyanotype-q${q}`,
    expected: 'toned' as ImageKind,
    make: (file: string) => grayMapped(file, q, gradientMap([16, 42, 92], [226, 238, 246])),
  })),
  // A B&W print on paper that yellowed: neutral shadows, a faint cream cast in the highlights
  // (chroma 2-8). Where too few pixels pass the chroma floor it is simply gray: both kinds are
  // right, both get colorized.
  ...[40, 90].map((q) => ({
    tag: `yellowed-paper-q${q}`,
    expected: 'toned' as ImageKind,
    alsoRight: ['grayscale'] as ImageKind[],
    make: (file: string) => grayMapped(file, q, (v) => [v, v * 0.985, v * 0.93]),
  })),
  // sharp's tint keeps lightness and gives every pixel one chroma: a green and a violet tint.
  { tag: 'tint-green-q75', expected: 'toned', make: (file) => sharp(path.join(VAL_DIR, file)).tint('#4a7a3a').jpeg({ quality: 75 }).toBuffer() },
  { tag: 'tint-violet-q75', expected: 'toned', make: (file) => sharp(path.join(VAL_DIR, file)).tint('#6a4a8a').jpeg({ quality: 75 }).toBuffer() },
];

export function colorPhotoCases(files: string[], dir = VAL_DIR, group = 'color photo'): DetectCase[] {
  return files.map((file) => ({
    name: file,
    group,
    expected: VAL_TRUE_KIND[file]?.kind ?? 'color',
    load: async () => readFileSync(path.join(dir, file)),
  }));
}

/** Every image file of a folder, sorted, as cases of one group and expected kind ([] when the folder is absent). */
export function folderCases(dir: string, group: string, expected: ImageKind, alsoRight?: ImageKind[]): DetectCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(png|gif|jpe?g|webp)$/i.test(f))
    .sort()
    .map((file) => ({ name: file, group, expected, alsoRight, load: async () => readFileSync(path.join(dir, file)) }));
}

export function monochromePhotoCases(files: string[]): DetectCase[] {
  return files.flatMap((file) =>
    GRAY_VARIANTS.map((v) => ({
      name: `${file} ${v.tag}`,
      group: v.expected === 'grayscale' ? 'gray photo' : 'toned photo',
      expected: v.expected,
      alsoRight: v.alsoRight,
      load: () => v.make(file),
    })),
  );
}

export function fixtureGraphicCases(): DetectCase[] {
  return folderCases(FIXTURES, 'graphic (file)', 'not-photo');
}

export function svgGraphicCases(): DetectCase[] {
  return SVG_GRAPHICS.map((g) => ({
    name: g.name,
    group: 'graphic (svg)',
    expected: 'not-photo',
    load: async () => {
      const png = await sharp(Buffer.from(g.svg)).png().toBuffer();
      return g.jpegQuality ? sharp(png).jpeg({ quality: g.jpegQuality }).toBuffer() : png;
    },
  }));
}

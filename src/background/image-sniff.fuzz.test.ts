// Fuzzing the header reader and the verdict that uses it: mutated and truncated headers of real
// fixture files (JPEG, PNG, WebP, GIF, and an AVIF encoded from a fixture) must never throw, and a
// size, when one is given, must be the one a real decoder (libvips through sharp: libjpeg-turbo,
// libspng, libwebp, libnsgif, libheif) reads from the same bytes: every size that differs from the
// file's own is checked with the decoder, and a seeded tenth of the rest. Seeded, so a failure
// reproduces.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_PIXELS } from '../shared/limits.ts';
import { judgeImage } from './image-policy.ts';
import { FORMAT_MIME, sniffImage } from './image-sniff.ts';
import type { Sniffed } from './image-sniff.ts';

const input = resolve(import.meta.dirname, '../../test/fixtures/cli/input');
const CASES_PER_FILE = 2_200;
/** Mutations land in the first bytes, where every format keeps what the sniffer reads. */
const HEADER_BYTES = 700;

/** mulberry32: small, seeded, good enough to spread mutations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(source: Uint8Array, next: () => number): Uint8Array {
  const bytes = Array.from(source.subarray(0, Math.min(source.length, HEADER_BYTES)));
  const rest = source.subarray(bytes.length);
  const at = () => Math.floor(next() * Math.max(1, bytes.length));
  const ops = 1 + Math.floor(next() * 3);
  for (let n = 0; n < ops; n++) {
    const op = Math.floor(next() * 6);
    if (op === 0) bytes[at()] ^= 1 << Math.floor(next() * 8);
    else if (op === 1) bytes[at()] = Math.floor(next() * 256);
    else if (op === 2) bytes.splice(at(), 0, Math.floor(next() * 256)); // a stray byte
    else if (op === 3) bytes.splice(at(), 1 + Math.floor(next() * 4));
    else if (op === 4) bytes[at()] = [0x00, 0xff, 0x7f, 0x80][Math.floor(next() * 4)];
    else {
      const i = at(); // a run copied elsewhere (duplicated boxes, markers, chunks)
      bytes.splice(at(), 0, ...bytes.slice(i, i + 1 + Math.floor(next() * 16)));
    }
  }
  const out = new Uint8Array(bytes.length + rest.length);
  out.set(bytes);
  out.set(rest, bytes.length);
  return out;
}

async function decoderSize(bytes: Uint8Array): Promise<{ width: number; height: number } | null> {
  try {
    const meta = await sharp(bytes, { failOn: 'none' }).metadata();
    return meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
  } catch {
    return null; // the decoder refuses it too
  }
}

interface Sample {
  name: string;
  bytes: Uint8Array;
}

async function samples(): Promise<Sample[]> {
  const file = (name: string) => new Uint8Array(readFileSync(resolve(input, name)));
  const motorcycle = readFileSync(resolve(input, 'motorcycle-gray.png'));
  return [
    { name: 'jpeg', bytes: file('fallen-leaf-gray.jpg') },
    { name: 'jpeg progressive', bytes: new Uint8Array(await sharp(file('fruits-color.jpg')).jpeg({ progressive: true }).toBuffer()) },
    { name: 'png', bytes: file('motorcycle-gray.png') },
    { name: 'webp', bytes: file('more/chelsea-sepia.webp') },
    { name: 'gif', bytes: new Uint8Array(await sharp(file('baboon-gray.gif')).gif().toBuffer()) },
    { name: 'avif', bytes: new Uint8Array(await sharp(motorcycle).resize(320).avif({ effort: 0 }).toBuffer()) },
  ];
}

function checkVerdict(sniffed: Sniffed, bytes: Uint8Array): void {
  const declared = sniffed.format && sniffed.format !== 'svg' ? FORMAT_MIME[sniffed.format] : 'image/jpeg';
  const verdict = judgeImage(sniffed, declared, bytes.byteLength);
  if (verdict.ok) {
    expect(sniffed.width! * sniffed.height!).toBeLessThanOrEqual(MAX_SOURCE_PIXELS);
  } else {
    expect(verdict.reason.length).toBeGreaterThan(0);
  }
}

describe('sniffImage and judgeImage under fuzzing', () => {
  it(`${CASES_PER_FILE} mutated or truncated headers per format: no throw, no wrong size`, async () => {
    const next = random(20261203);
    let cases = 0;
    let sized = 0;
    let checkedAgainstDecoder = 0;
    const wrong: string[] = [];
    for (const sample of await samples()) {
      const truth = await decoderSize(sample.bytes);
      expect(truth, sample.name).not.toBeNull();
      expect(sniffImage(sample.bytes), sample.name).toMatchObject(truth!);
      const pending: Promise<void>[] = [];
      for (let n = 0; n < CASES_PER_FILE; n++) {
        const truncated = n % 3 === 0;
        const bytes = truncated ? sample.bytes.subarray(0, Math.floor(next() * Math.min(sample.bytes.length, 4 * HEADER_BYTES))) : mutate(sample.bytes, next);
        const sniffed = sniffImage(bytes); // must not throw
        checkVerdict(sniffed, bytes);
        cases += 1;
        if (sniffed.width === undefined) continue;
        sized += 1;
        if (truncated) {
          // A cut file's size is still the whole file's.
          if (sniffed.width !== truth!.width || sniffed.height !== truth!.height) wrong.push(`${sample.name} cut at ${bytes.length}`);
          continue;
        }
        // Every size other than the file's own goes to the decoder; a seeded tenth of the rest too.
        const differs = sniffed.width !== truth!.width || sniffed.height !== truth!.height;
        if (!differs && next() >= 0.1) continue;
        pending.push(
          decoderSize(bytes).then((decoded) => {
            if (!decoded) return;
            checkedAgainstDecoder += 1;
            if (decoded.width !== sniffed.width || decoded.height !== sniffed.height) {
              wrong.push(`${sample.name} n=${n}: read ${sniffed.width}x${sniffed.height}, decoder ${decoded.width}x${decoded.height}`);
            }
          }),
        );
      }
      await Promise.all(pending);
    }
    console.log(`fuzz: ${cases} headers, ${sized} with a size, ${checkedAgainstDecoder} compared with the decoder`);
    expect(cases).toBeGreaterThanOrEqual(10_000);
    expect(wrong).toEqual([]);
  });
});

// User colour hints (the model's hint channel, models/colorizer/info.json): checked here, once,
// by one pure function, so the engine, the CLI (--hints FILE.json) and the extension reject the
// same malformed input with the same message. No tfjs here: the CLI checks a hints file before it
// loads the engine.
import { srgbToLab } from './lab.ts';
import type { ColorHint } from './types.ts';

/** A hint that passed checkHints(), with its colour's CIE Lab a*, b* (D65). */
export interface CheckedHint extends ColorHint {
  a: number;
  b: number;
}

export class HintError extends Error {
  override name = 'HintError';
}

// Hand-written rather than a CSS colour library: only two hex forms are accepted, so any other
// CSS colour syntax is an error here instead of being silently converted.
const HEX_COLOR = /^#(?:([0-9a-f]{3})|([0-9a-f]{6}))$/i;

/** '#4a7ab5' or '#abc' -> sRGB channels 0..255, or null for anything else. */
export function parseHexColor(color: string): [number, number, number] | null {
  const m = HEX_COLOR.exec(color);
  if (!m) return null;
  const hex = m[1] ? [...m[1]].map((c) => c + c).join('') : m[2];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

function fraction(entry: Record<string, unknown>, key: 'x' | 'y', where: string): number {
  const v = entry[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    const axis = key === 'x' ? 'width' : 'height';
    throw new HintError(`${where}: ${key} must be a number from 0 to 1 (a fraction of the image's ${axis}), got ${describe(v)}`);
  }
  return v;
}

/**
 * Checks a hints list: undefined or [] means automatic colorizing; otherwise every entry must be
 * { x, y, color } with x and y fractions (0..1) of the image's width and height and color a CSS
 * hex sRGB string ('#4a7ab5' or '#abc'). Other keys are ignored. Throws a HintError naming the
 * first bad entry (hints[i]) and what is wrong with it.
 */
export function checkHints(hints: unknown): CheckedHint[] {
  if (hints === undefined) return [];
  if (!Array.isArray(hints)) {
    throw new HintError(`hints must be a list of { x, y, color }, got ${describe(hints)}`);
  }
  return hints.map((entry: unknown, i) => {
    const where = `hints[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new HintError(`${where} must be an object { x, y, color }, got ${describe(entry)}`);
    }
    const e = entry as Record<string, unknown>;
    const x = fraction(e, 'x', where);
    const y = fraction(e, 'y', where);
    const rgb = typeof e.color === 'string' ? parseHexColor(e.color) : null;
    if (!rgb) {
      throw new HintError(`${where}: color must be a hex sRGB colour like "#4a7ab5" or "#abc", got ${describe(e.color)}`);
    }
    const { a, b } = srgbToLab(...rgb);
    return { x, y, color: e.color as string, a, b };
  });
}

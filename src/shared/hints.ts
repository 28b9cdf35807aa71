// User colour hints, the pure rules every part shares: what a hints list must look like (the
// engine, the CLI's --hints file and the extension's messages reject the same malformed input with
// the same message) and the canonical form a result cache keys on. No tfjs and no colour science
// here (the engine adds each hint's Lab in src/engine/hints.ts), so content scripts and UI pages
// may import it.

/** A user's colour for one point of the image. */
export interface ColorHint {
  /** Fractions (0..1) of the image's width and height, from its top left corner. */
  x: number;
  y: number;
  /** CSS hex sRGB: '#4a7ab5' or '#abc'. */
  color: string;
}

/** The most hints one colorize message may carry (the engine itself takes any number). */
export const MAX_MESSAGE_HINTS = 64;

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
 * hex sRGB string ('#4a7ab5' or '#abc'). Other keys are dropped. Throws a HintError naming the
 * first bad entry (hints[i]) and what is wrong with it.
 */
export function validateHints(hints: unknown): ColorHint[] {
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
    if (typeof e.color !== 'string' || !parseHexColor(e.color)) {
      throw new HintError(`${where}: color must be a hex sRGB colour like "#4a7ab5" or "#abc", got ${describe(e.color)}`);
    }
    return { x, y, color: e.color };
  });
}

/** A message's hints field: a valid list (validateHints) of at most MAX_MESSAGE_HINTS. */
export function isHintList(value: unknown): value is ColorHint[] {
  if (!Array.isArray(value) || value.length > MAX_MESSAGE_HINTS) return false;
  try {
    validateHints(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The hints as one string that is the same for the same hints however they were written: keys in
 * any order, extra keys, '#ABC' or '#aabbcc'. The list's order is kept (a later hint paints over an
 * earlier one where they overlap). No hints (undefined or []) give ''. Throws on malformed hints.
 */
export function canonicalHints(hints: unknown): string {
  const checked = validateHints(hints);
  if (checked.length === 0) return '';
  return JSON.stringify(
    checked.map(({ x, y, color }) => {
      const hex = parseHexColor(color)!.map((c) => c.toString(16).padStart(2, '0')).join('');
      return [x, y, `#${hex}`];
    }),
  );
}

// `--hints FILE.json`: a JSON list of { x, y, color } colour hints, read and checked before any
// image is touched, so a typo costs nothing. The check is the one the engine and the extension's
// messages use (src/shared/hints.ts: one set of rules and messages), without tfjs.
import { readFile } from 'node:fs/promises';
import { validateHints } from '../shared/hints.ts';
import type { ColorHint } from '../shared/hints.ts';

/** Reads and checks a hints file; throws an Error whose message says what is wrong, for the user. */
export async function readHintsFile(file: string): Promise<ColorHint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code ?? error})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || !Array.isArray(value)) {
    throw new Error(`must hold a JSON list of { "x", "y", "color" } hints, e.g. [{"x": 0.5, "y": 0.15, "color": "#4a7ab5"}]`);
  }
  return validateHints(value);
}

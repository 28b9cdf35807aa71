// Command-line arguments of `recolor`, parsed into a plain object (pure; tested with tables).
import { parseArgs } from 'node:util';
import { isStrength, STRENGTH_DEFAULT, STRENGTH_MAX, STRENGTH_MIN } from '../shared/strength.ts';

export interface CliOptions {
  out: string;
  strength: number;
  force: boolean;
  inputs: string[];
  /** Folder holding model.json (default: the model shipped in the package). */
  model?: string;
  /** JSON file with colour hints applied to every input (hints-file.ts). */
  hints?: string;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: CliOptions } | { kind: 'error'; message: string };

export const USAGE = `Usage: recolor --out DIR [--strength S] [--force] [--hints FILE.json] FILE_OR_DIR...

Colorizes black-and-white and toned (sepia, cyanotype, ...) photographs with a small neural
network, on this computer (TensorFlow.js, wasm backend). Nothing is uploaded.

For every input image it writes DIR/<input base name>.png at the input's full resolution: the
lightness of every pixel is kept exactly, only color is added. Folders are walked recursively
for .jpg .jpeg .png .webp .tif .tiff .gif files (a GIF contributes its first frame); files named
on the command line are tried whatever their extension.

Options:
  -o, --out DIR        folder for the results (created if missing). Required.
  -s, --strength S     color strength, ${STRENGTH_MIN} (gray) to ${STRENGTH_MAX}; default ${STRENGTH_DEFAULT}.
  -f, --force          colorize every image from its lightness, even ones already in color
                       (by default those are skipped and listed, as are logos, text and
                       drawings that are not photographs).
      --hints FILE     colour hints, applied to every input: a JSON list of points and the
                       colours they should have, e.g. [{"x": 0.5, "y": 0.15, "color": "#4a7ab5"}]
                       with x and y fractions (0 to 1) of the image's width and height from its
                       top left corner and color a hex sRGB colour ("#4a7ab5" or "#abc"). The
                       file is checked before any image is read. A model without the hint
                       channel (info.json "inputChannels": 1) ignores hints, with a note.
      --model DIR      folder with the model (model.json); default: models/colorizer in this package.
  -h, --help           show this help.

Notes:
  - An input file is never overwritten; when two inputs share a base name, or DIR/<name>.png is
    one of the inputs, the later one is written as <name>-2.png (then -3, ...).
  - Unreadable, corrupt and non-image files are reported and skipped; the rest are still done.
  - Exit status: 0 when every image was colorized or deliberately skipped, 1 when any failed,
    2 for a usage error (a bad or missing --hints file too).

Examples:
  npx recolor --out colored/ scans/
  npx recolor --out colored/ --strength 0.8 grandpa.jpg wedding.tif
  npx recolor --out colored/ --force photos/
  npx recolor --out colored/ --hints sky-blue.json harbour.jpg`;

export function parseCliArgs(argv: string[]): ParsedArgs {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        strength: { type: 'string', short: 's' },
        force: { type: 'boolean', short: 'f', default: false },
        model: { type: 'string' },
        hints: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if (!values.out) return { kind: 'error', message: '--out DIR is required' };
  if (positionals.length === 0) return { kind: 'error', message: 'no input files or folders given' };
  let strength = STRENGTH_DEFAULT;
  if (values.strength !== undefined) {
    strength = Number(values.strength);
    if (values.strength.trim() === '' || !isStrength(strength)) {
      return { kind: 'error', message: `--strength must be a number from ${STRENGTH_MIN} to ${STRENGTH_MAX}, got "${values.strength}"` };
    }
  }
  return {
    kind: 'run',
    options: { out: values.out, strength, force: values.force, inputs: positionals, model: values.model, hints: values.hints },
  };
}

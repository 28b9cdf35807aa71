// Turns the command line's files and folders into a list of jobs: which file to read, which
// PNG to write. Output names never collide with each other or with an input.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_EXTENSIONS } from './image-io.ts';

export interface Job {
  input: string;
  output: string;
}

export interface Collected {
  jobs: Job[];
  /** Inputs that do not exist or cannot be listed, with the reason. */
  missing: { input: string; reason: string }[];
}

async function walk(dir: string, skipDir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Results of an earlier run inside the input folder are not inputs.
      if (path.resolve(full) !== skipDir) await walk(full, skipDir, found);
    } else if (entry.isFile() && IMAGE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      found.push(full);
    }
  }
}

/** Picks DIR/<base>.png, or <base>-2.png, -3, ... when taken by another job or by an input. */
export function planOutputs(inputs: string[], outDir: string, inputRealPaths: Set<string>): Job[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const base = path.basename(input, path.extname(input));
    for (let n = 1; ; n++) {
      const output = path.resolve(outDir, n === 1 ? `${base}.png` : `${base}-${n}.png`);
      if (!taken.has(output) && !inputRealPaths.has(output)) {
        taken.add(output);
        return { input, output };
      }
    }
  });
}

export async function collectJobs(inputs: string[], outDir: string): Promise<Collected> {
  const files: string[] = [];
  const missing: Collected['missing'] = [];
  const skipDir = path.resolve(outDir);
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input, skipDir, files);
      else files.push(input);
    } catch (error) {
      missing.push({ input, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error) });
    }
  }
  // Each file once, however it was named; shown as the user named it.
  const byResolved = new Map<string, string>();
  for (const f of files) if (!byResolved.has(path.resolve(f))) byResolved.set(path.resolve(f), f);
  const resolved = [...byResolved.keys()];
  const real = new Set(await Promise.all(resolved.map((f) => realpath(f).catch(() => f))));
  for (const f of resolved) real.add(f);
  // Compare with inputs through the real path, in case DIR is reached through a link.
  const realOut = await realpath(outDir).catch(() => path.resolve(outDir));
  const jobs = planOutputs([...byResolved.values()], realOut, real);
  return { jobs, missing };
}

// The colour editor's applied edits, remembered per image content: an edit the user applied is
// shown again when the same image (same bytes, whatever its URL) is colorized later, on the same
// top-level site. Kept in storage.local under one key (rules: hint-memory-rules.ts); the image is
// known only by its content hash, never its URL. Not used for private tabs (the caller checks, as
// for the result cache).
import browser from 'webextension-polyfill';
import type { ColorHint } from '../shared/hints.ts';
import { lookUp, readMemory, withEdit } from './hint-memory-rules.ts';
import type { Memory, RememberedEdit } from './hint-memory-rules.ts';

const KEY = 'editedHints';

let writes: Promise<unknown> = Promise.resolve();

async function load(): Promise<Memory> {
  return readMemory((await browser.storage.local.get(KEY))[KEY]);
}

/** Remembers the edit applied to the image (`hints` empty: forgets it). */
export function rememberEdit(partition: string, hash: string, hints: ColorHint[], strength: number | undefined): Promise<void> {
  // One write at a time, each on the memory as the previous left it.
  const write = writes.then(async () => {
    const memory = withEdit(await load(), partition, hash, { hints, strength, at: Date.now() });
    await browser.storage.local.set({ [KEY]: memory });
  });
  writes = write.catch(() => undefined);
  return write;
}

export async function recallEdit(partition: string, hash: string): Promise<RememberedEdit | undefined> {
  await writes;
  return lookUp(await load(), partition, hash);
}

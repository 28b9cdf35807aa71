import { describe, expect, it } from 'vitest';
import { EditorImages } from './editor-images.ts';
import type { EditorFrame } from './editor-images.ts';

const A: EditorFrame = { tabId: 1, frameId: 0, partition: 'a.org' };
const A_FRAME: EditorFrame = { tabId: 1, frameId: 3, partition: 'a.org' };
const B: EditorFrame = { tabId: 2, frameId: 0, partition: 'b.org' };
const A_PRIVATE: EditorFrame = { tabId: 1, frameId: 0, partition: 'private a.org' };
const PHOTO = 'url https://a.org/photo.jpg';
const OTHER = 'url https://a.org/other.jpg';

type Step =
  | ['put', EditorFrame, string, string]
  | ['get', EditorFrame, string, string | undefined]
  | ['wait', number]
  | ['dropFrame', EditorFrame]
  | ['dropTab', number];

/** Values are strings whose length is their size in bytes. */
const LIMITS = { entries: 2, bytes: 10, idleMs: 1000 };

describe('EditorImages: what a second suggestion finds', () => {
  it.each<{ name: string; steps: Step[] }>([
    { name: 'the same frame and image: found again (no fetch, no decode)', steps: [['put', A, PHOTO, 'p1'], ['get', A, PHOTO, 'p1'], ['get', A, PHOTO, 'p1']] },
    { name: 'another image in that frame: not found', steps: [['put', A, PHOTO, 'p1'], ['get', A, OTHER, undefined]] },
    { name: 'the image in another frame of the tab: not found', steps: [['put', A, PHOTO, 'p1'], ['get', A_FRAME, PHOTO, undefined]] },
    { name: 'the image in another tab: not found', steps: [['put', A, PHOTO, 'p1'], ['get', { ...B, partition: 'a.org' }, PHOTO, undefined]] },
    { name: 'the tab private now (another partition): not found', steps: [['put', A, PHOTO, 'p1'], ['get', A_PRIVATE, PHOTO, undefined]] },
    { name: 'the editor closed: gone', steps: [['put', A, PHOTO, 'p1'], ['put', B, PHOTO, 'b1'], ['dropFrame', A], ['get', A, PHOTO, undefined], ['get', B, PHOTO, 'b1']] },
    { name: 'a private editor closed: gone', steps: [['put', A_PRIVATE, PHOTO, 'p1'], ['dropFrame', A_PRIVATE], ['get', A_PRIVATE, PHOTO, undefined]] },
    { name: 'another frame\'s editor closed: kept', steps: [['put', A, PHOTO, 'p1'], ['dropFrame', A_FRAME], ['get', A, PHOTO, 'p1']] },
    { name: 'the tab closed or navigated: all its frames\' gone', steps: [['put', A, PHOTO, 'p1'], ['put', A_FRAME, PHOTO, 'f1'], ['dropTab', 1], ['get', A, PHOTO, undefined], ['get', A_FRAME, PHOTO, undefined]] },
    { name: 'a third entry pushes out the least recently used', steps: [['put', A, PHOTO, 'p1'], ['put', B, PHOTO, 'b1'], ['get', A, PHOTO, 'p1'], ['put', A, OTHER, 'o1'], ['get', B, PHOTO, undefined], ['get', A, PHOTO, 'p1'], ['get', A, OTHER, 'o1']] },
    { name: 'over the byte limit: the oldest go', steps: [['put', A, PHOTO, 'pppppp'], ['put', B, PHOTO, 'bbbbbb'], ['get', A, PHOTO, undefined], ['get', B, PHOTO, 'bbbbbb']] },
    { name: 'one value over the byte limit: not kept', steps: [['put', A, PHOTO, 'p'.repeat(11)], ['get', A, PHOTO, undefined]] },
    { name: 'put again: replaced, counted once', steps: [['put', A, PHOTO, 'ppppp'], ['put', A, PHOTO, 'qqqqq'], ['put', B, PHOTO, 'bbbbb'], ['get', A, PHOTO, 'qqqqq'], ['get', B, PHOTO, 'bbbbb']] },
    { name: 'unused for the idle time: gone', steps: [['put', A, PHOTO, 'p1'], ['wait', 1000], ['get', A, PHOTO, undefined]] },
    { name: 'each use keeps it', steps: [['put', A, PHOTO, 'p1'], ['wait', 900], ['get', A, PHOTO, 'p1'], ['wait', 900], ['get', A, PHOTO, 'p1']] },
  ])('$name', ({ steps }) => {
    let time = 0;
    const store = new EditorImages<string>((value) => value.length, LIMITS, () => time);
    for (const step of steps) {
      if (step[0] === 'put') store.put(step[1], step[2], step[3]);
      else if (step[0] === 'get') expect(store.get(step[1], step[2]), JSON.stringify(step)).toBe(step[3]);
      else if (step[0] === 'wait') time += step[1];
      else if (step[0] === 'dropFrame') store.dropFrame(step[1].tabId, step[1].frameId);
      else store.dropTab(step[1]);
    }
    expect(store.size).toBeLessThanOrEqual(LIMITS.entries);
  });
});

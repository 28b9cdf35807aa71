import { describe, expect, it } from 'vitest';
import { EditorImages } from './editor-images.ts';
import type { EditorFrame } from './editor-images.ts';

/** An editor session in tab 1's top frame, a later one in that frame, one in a subframe, one in another tab, one in a private tab. */
const A: EditorFrame = { tabId: 1, frameId: 0, partition: 'a.org', session: 's1' };
const A_AGAIN: EditorFrame = { ...A, session: 's2' };
const A_FRAME: EditorFrame = { tabId: 1, frameId: 3, partition: 'a.org', session: 's3' };
const B: EditorFrame = { tabId: 2, frameId: 0, partition: 'b.org', session: 's4' };
const A_PRIVATE: EditorFrame = { tabId: 1, frameId: 0, partition: 'private a.org', session: 's1' };
const PHOTO = 'url https://a.org/photo.jpg';
const OTHER = 'url https://a.org/other.jpg';

type Step =
  | ['put', EditorFrame, string, string]
  | ['get', EditorFrame, string, string | undefined]
  | ['wait', number]
  | ['close', EditorFrame]
  | ['dropTab', number]
  | ['closed', EditorFrame, boolean];

/** Values are strings whose length is their size in bytes. */
const LIMITS = { entries: 2, bytes: 10, idleMs: 1000, closed: 3 };

/** Sessions s10, s11, ... of tab 5's top frame. */
const other = (n: number): EditorFrame => ({ tabId: 5, frameId: 0, partition: 'c.org', session: `s${10 + n}` });

describe('EditorImages: what a second suggestion finds', () => {
  it.each<{ name: string; steps: Step[] }>([
    { name: 'the same session and image: found again (no fetch, no decode)', steps: [['put', A, PHOTO, 'p1'], ['get', A, PHOTO, 'p1'], ['get', A, PHOTO, 'p1']] },
    { name: 'another image in that session: not found', steps: [['put', A, PHOTO, 'p1'], ['get', A, OTHER, undefined]] },
    { name: 'the image in another frame of the tab: not found', steps: [['put', A, PHOTO, 'p1'], ['get', { ...A_FRAME, session: 's1' }, PHOTO, undefined]] },
    { name: 'the image in another tab: not found', steps: [['put', A, PHOTO, 'p1'], ['get', { ...B, partition: 'a.org', session: 's1' }, PHOTO, undefined]] },
    { name: 'the tab private now (another partition): not found', steps: [['put', A, PHOTO, 'p1'], ['get', A_PRIVATE, PHOTO, undefined]] },
    { name: 'the editor closed: gone', steps: [['put', A, PHOTO, 'p1'], ['put', B, PHOTO, 'b1'], ['close', A], ['get', A, PHOTO, undefined], ['get', B, PHOTO, 'b1']] },
    { name: 'a private editor closed: gone', steps: [['put', A_PRIVATE, PHOTO, 'p1'], ['close', A_PRIVATE], ['get', A_PRIVATE, PHOTO, undefined]] },
    { name: 'another frame\'s session closed: this one kept', steps: [['put', A, PHOTO, 'p1'], ['put', A_FRAME, PHOTO, 'f1'], ['close', A_FRAME], ['get', A, PHOTO, 'p1'], ['get', A_FRAME, PHOTO, undefined], ['closed', A, false]] },
    { name: 'a close naming the session from another frame: kept', steps: [['put', A, PHOTO, 'p1'], ['close', { ...A_FRAME, session: 's1' }], ['get', A, PHOTO, 'p1'], ['closed', A, false]] },
    { name: 'a late put after the close: refused', steps: [['put', A, PHOTO, 'p1'], ['close', A], ['put', A, PHOTO, 'p2'], ['get', A, PHOTO, undefined], ['closed', A, true]] },
    { name: 'a put for a session closed before it kept anything: refused', steps: [['close', A], ['put', A, PHOTO, 'p1'], ['put', A, OTHER, 'o1'], ['get', A, PHOTO, undefined], ['get', A, OTHER, undefined]] },
    { name: 'a new session in the same frame: does not see the old one\'s entry', steps: [['put', A, PHOTO, 'p1'], ['get', A_AGAIN, PHOTO, undefined], ['get', A, PHOTO, 'p1']] },
    { name: 'a new session keeping an image in the same frame: the old session\'s entries go, the old session closed', steps: [['put', A, PHOTO, 'p1'], ['put', A, OTHER, 'o1'], ['put', A_AGAIN, PHOTO, 'p2'], ['get', A, PHOTO, undefined], ['get', A, OTHER, undefined], ['get', A_AGAIN, PHOTO, 'p2'], ['closed', A, true], ['put', A, PHOTO, 'p3'], ['get', A_AGAIN, PHOTO, 'p2']] },
    { name: 'the old session closed after the new one started: the new one kept', steps: [['put', A_AGAIN, PHOTO, 'p2'], ['close', A], ['get', A_AGAIN, PHOTO, 'p2']] },
    { name: 'the tab closed or navigated: all its frames\' gone, their sessions closed', steps: [['put', A, PHOTO, 'p1'], ['put', A_FRAME, PHOTO, 'f1'], ['dropTab', 1], ['get', A, PHOTO, undefined], ['get', A_FRAME, PHOTO, undefined], ['put', A, PHOTO, 'p2'], ['get', A, PHOTO, undefined], ['closed', A_FRAME, true]] },
    { name: 'another tab closed: kept', steps: [['put', A, PHOTO, 'p1'], ['dropTab', 2], ['get', A, PHOTO, 'p1']] },
    { name: 'closed sessions remembered up to the bound, the oldest forgotten first', steps: [['close', other(0)], ['close', other(1)], ['close', other(2)], ['closed', other(0), true], ['close', other(3)], ['closed', other(0), false], ['closed', other(1), true], ['closed', other(3), true], ['put', other(0), PHOTO, 'p0'], ['get', other(0), PHOTO, 'p0']] },
    { name: 'a session closed again counts as the newest', steps: [['close', other(0)], ['close', other(1)], ['close', other(2)], ['close', other(0)], ['close', other(3)], ['closed', other(0), true], ['closed', other(1), false]] },
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
      else if (step[0] === 'close') store.close(step[1].tabId, step[1].frameId, step[1].session);
      else if (step[0] === 'closed') expect(store.isClosed(step[1]), JSON.stringify(step)).toBe(step[2]);
      else store.dropTab(step[1]);
    }
    expect(store.size).toBeLessThanOrEqual(LIMITS.entries);
  });
});

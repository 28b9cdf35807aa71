import { describe, expect, it } from 'vitest';
import { scrollsInside } from './scroll-lock.ts';
import type { ScrollBox } from './scroll-lock.ts';

/** A panel 300 px high showing 1000 px of content, scrolled to `top`. */
const panel = (top: number, overflowY = 'auto'): ScrollBox => ({
  scrollTop: top,
  scrollLeft: 0,
  scrollHeight: 1000,
  scrollWidth: 280,
  clientHeight: 300,
  clientWidth: 280,
  overflowX: 'hidden',
  overflowY,
});
/** A box with nothing to scroll (the stage, the canvas, a button). */
const still: ScrollBox = { scrollTop: 0, scrollLeft: 0, scrollHeight: 400, scrollWidth: 600, clientHeight: 400, clientWidth: 600, overflowX: 'visible', overflowY: 'visible' };
const wide: ScrollBox = { ...still, scrollWidth: 900, overflowX: 'auto' };

describe('scrollsInside: whether a wheel or finger over the editor may scroll (else the page must not)', () => {
  it.each<[string, ScrollBox[], number, number, boolean]>([
    ['over the backdrop alone', [], 0, 100, false],
    ['over the photo', [still, still], 0, 100, false],
    ['the panel, down from its top', [still, panel(0)], 0, 100, true],
    ['the panel, up at its top', [still, panel(0)], 0, -100, false],
    ['the panel, down at its end', [panel(700)], 0, 100, false],
    ['the panel, down within a pixel of its end (zoomed)', [panel(699.5)], 0, 100, false],
    ['the panel, up at its end', [panel(700)], 0, -100, true],
    ['the panel in the middle, either way', [panel(350)], 0, -3, true],
    ['the panel, sideways (it does not scroll sideways)', [panel(350)], 100, 0, false],
    ['content that fits, overflow auto', [{ ...panel(0), scrollHeight: 300 }], 0, 100, false],
    ['overflow hidden: scrolled only by script', [panel(0, 'hidden')], 0, 100, false],
    ['a box scrolling sideways, sideways', [wide], 100, 0, true],
    ['a box scrolling sideways, down', [wide], 0, 100, false],
    ['no movement', [panel(350)], 0, 0, false],
  ])('%s', (_name, boxes, dx, dy, expected) => {
    expect(scrollsInside(boxes, dx, dy)).toBe(expected);
  });
});

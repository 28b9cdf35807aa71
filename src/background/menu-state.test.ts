import { describe, expect, it } from 'vitest';
import { imageMenus, MENU_COLORIZE, MENU_ORIGINAL, MenuUpdates, pageOriginalsMenu } from './menu-state.ts';
import type { MenuProps } from './menu-state.ts';

describe('menu entries', () => {
  it('offers exactly one image entry: "Show original" on a colorized image, "Colorize this image" on any other', () => {
    expect(imageMenus(true)).toEqual([
      [MENU_COLORIZE, { visible: false }],
      [MENU_ORIGINAL, { visible: true }],
    ]);
    expect(imageMenus(false)).toEqual([
      [MENU_COLORIZE, { visible: true }],
      [MENU_ORIGINAL, { visible: false }],
    ]);
  });

  it.each([
    [0, false, { checked: false, enabled: false }],
    [2, false, { checked: false, enabled: true }],
    [2, true, { checked: true, enabled: true }],
    [0, true, { checked: true, enabled: true }],
  ])('"Show originals on this page" with %i colorized, showing originals=%s -> %j', (colorized, showingOriginals, props) => {
    expect(pageOriginalsMenu({ colorized, showingOriginals })).toEqual(props);
  });
});

describe('MenuUpdates', () => {
  function recorder(fail = () => false) {
    const calls: Array<[string, MenuProps]> = [];
    const updates = new MenuUpdates(async (id, props) => {
      calls.push([id, props]);
      if (fail()) throw new Error('no such menu item');
    });
    return { calls, updates };
  }

  it('passes the first update of each entry and then only changes', async () => {
    const { calls, updates } = recorder();
    await updates.set('a', { visible: false });
    await updates.set('a', { visible: false });
    await updates.set('b', { visible: false });
    await updates.set('a', { visible: true });
    await updates.set('a', { visible: true });
    expect(calls).toEqual([
      ['a', { visible: false }],
      ['b', { visible: false }],
      ['a', { visible: true }],
    ]);
  });

  it('passes the next update of an entry the browser changed itself', async () => {
    const { calls, updates } = recorder();
    await updates.set('a', { checked: false });
    updates.forget('a'); // Chrome ticked the checkbox on a click
    await updates.set('a', { checked: false });
    expect(calls.length).toBe(2);
  });

  it('retries an update that failed', async () => {
    let failing = true;
    const { calls, updates } = recorder(() => failing);
    await updates.set('a', { checked: true });
    failing = false;
    await updates.set('a', { checked: true });
    await updates.set('a', { checked: true });
    expect(calls.length).toBe(2);
  });
});

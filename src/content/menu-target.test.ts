import { describe, expect, it } from 'vitest';
import { MenuTarget } from './menu-target.ts';

/** Elements stand in as plain objects: MenuTarget only compares them and asks the callback. */
function setup() {
  const colorized = new Set<object>();
  const told: boolean[] = [];
  const target = new MenuTarget(
    (element) => colorized.has(element),
    (shows) => told.push(shows),
  );
  const element = () => ({}) as Element;
  return { colorized, told, target, element };
}

describe('MenuTarget', () => {
  it('says nothing while the pointer moves over things that are not ours', () => {
    const { told, target, element } = setup();
    for (let i = 0; i < 50; i++) target.pointerAt(element());
    target.pointerAt(null);
    expect(told).toEqual([]);
  });

  it('tells once on entering a colorized image and once on leaving it', () => {
    const { colorized, told, target, element } = setup();
    const photo = element();
    colorized.add(photo);
    target.pointerAt(element());
    target.pointerAt(photo);
    target.pointerAt(photo); // a mouseover from a child or the same element again
    target.pointerAt(element());
    target.pointerAt(element());
    expect(told).toEqual([true, false]);
  });

  it('follows a display change of the element under the pointer, and only that one', () => {
    const { colorized, told, target, element } = setup();
    const photo = element();
    const other = element();
    colorized.add(photo);
    target.pointerAt(photo);
    colorized.delete(other);
    target.changed(other);
    colorized.delete(photo); // "Show original" picked on it
    target.changed(photo);
    colorized.add(photo);
    target.changed(photo);
    expect(told).toEqual([true, false, true]);
  });

  it('leaving the frame, and a hidden tab (the background resets then), start afresh', () => {
    const { colorized, told, target, element } = setup();
    const photo = element();
    colorized.add(photo);
    target.pointerAt(photo);
    target.pointerAt(null);
    target.pointerAt(photo);
    target.forget();
    target.pointerAt(photo);
    expect(told).toEqual([true, false, true, true]);
  });
});

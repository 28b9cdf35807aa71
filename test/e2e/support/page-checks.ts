// What the tests look at on a page: element boxes (nothing may move), whether an image shows our
// colorized result, and how colorful a region really is on screen.
import type { Frame, Page } from '@playwright/test';
import sharp from 'sharp';

export type Boxes = Record<string, [number, number, number, number]>;

/**
 * Every element in <body> with an id: its box on screen, rounded to 1/10 px. For an <img> a canvas
 * of ours stands in for (the image hidden, the stand-in's host just before it), the stand-in's box.
 */
export async function boxes(page: Page): Promise<Boxes> {
  return page.evaluate(() => {
    const out: Record<string, [number, number, number, number]> = {};
    for (const element of Array.from(document.body.querySelectorAll('[id]'))) {
      const before = element.previousElementSibling;
      const standIn =
        element instanceof HTMLImageElement && element.style.getPropertyPriority('display') === 'important' && element.style.display === 'none' && before?.tagName === 'SPAN'
          ? before
          : null;
      const r = (standIn ?? element).getBoundingClientRect();
      const round = (v: number) => Math.round(v * 10) / 10;
      out[element.id] = [round(r.x + scrollX), round(r.y + scrollY), round(r.width), round(r.height)];
    }
    return out;
  });
}

/**
 * The element on screen for an element: the host of the canvas standing in for an <img> (the image
 * hidden, our host just before it, its canvas out of the page's reach), else the element itself.
 */
export async function onScreen(page: Page | Frame, selector: string) {
  const element = await page.$(selector);
  if (!element) throw new Error(`${selector} not found`);
  const standIn = await element.evaluateHandle((img) => {
    const before = img.previousElementSibling;
    const hidden = img instanceof HTMLImageElement && img.style.getPropertyPriority('display') === 'important' && img.style.display === 'none';
    return hidden && before?.tagName === 'SPAN' && before.childElementCount === 0 ? before : null;
  });
  return standIn.asElement() ?? element;
}

/** Whether an element shows our result: by URL, or (an <img>) by a canvas standing in for it. */
export async function isSwapped(page: Page | Frame, id: string): Promise<boolean> {
  return page.$eval(`#${id}`, (element) => {
    if (element instanceof HTMLImageElement) {
      const standIn = element.style.display === 'none' && element.previousElementSibling?.tagName === 'SPAN';
      return standIn || element.currentSrc.startsWith('blob:') || element.currentSrc.startsWith('data:image/');
    }
    return /url\("?(blob|data):/.test(getComputedStyle(element).backgroundImage);
  });
}

export async function waitSwapped(page: Page | Frame, id: string, timeout = 60_000): Promise<void> {
  const waiting = page.waitForFunction(
    (target) => {
      const element = document.getElementById(target);
      if (!element) return false;
      if (element instanceof HTMLImageElement) {
        if (element.style.display === 'none' && element.previousElementSibling?.tagName === 'SPAN') return true; // a canvas stands in
        return /^(blob|data):/.test(element.currentSrc) && element.complete;
      }
      return /url\("?(blob|data):/.test(getComputedStyle(element).backgroundImage);
    },
    id,
    { timeout, polling: 200 },
  );
  await waiting.catch((error: Error) => {
    throw new Error(`#${id} was not swapped for a colorized image: ${error.message}`);
  });
}

/**
 * Mean chroma of what is on screen inside the element: max(R,G,B) - min(R,G,B), 0..255 averaged
 * over pixels. A gray photo reads ~0-1 after JPEG; a colorized one clearly more.
 */
export async function screenChroma(page: Page, id: string): Promise<number> {
  return selectorChroma(page, `#${id}`);
}

/** screenChroma for the element a CSS selector finds. */
export async function selectorChroma(page: Page, selector: string): Promise<number> {
  const element = await onScreen(page, selector);
  await element.scrollIntoViewIfNeeded();
  const png = await element.screenshot();
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    sum += Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
  }
  return sum / (data.length / info.channels);
}

/** Collects uncaught page errors (the page must never see one from us). */
export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/** How many listeners and observers of ours are running in the page (the test build answers). */
export const census = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ listeners: number; observers: number }>((resolve) => {
        document.addEventListener('recolor-test:census-answer', (event) => resolve(JSON.parse((event as CustomEvent<string>).detail)), { once: true });
        document.dispatchEvent(new Event('recolor-test:census'));
      }),
  );

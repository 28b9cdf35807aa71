// Puts a colorized image in place of the original without changing layout, and puts the original
// back exactly as it was (attribute for attribute, inline style included).
import { cssUrl, densityFor, srcsetFor } from './candidate-rules.ts';

export type Target = HTMLImageElement | HTMLElement;

interface InlineProperty {
  name: string;
  value: string;
  priority: string;
}

interface SavedAttribute {
  element: Element;
  name: string;
  value: string | null;
}

export interface Original {
  attributes: SavedAttribute[];
  /** Inline background-image and -size of a CSS-background element, with their priorities. */
  background?: InlineProperty[];
}

function save(element: Element, name: string): SavedAttribute {
  return { element, name, value: element.getAttribute(name) };
}

function pictureSources(img: HTMLImageElement): HTMLSourceElement[] {
  const parent = img.parentElement;
  if (!parent || parent.tagName !== 'PICTURE') return [];
  return Array.from(parent.children).filter((child): child is HTMLSourceElement => child.tagName === 'SOURCE');
}

export function captureOriginal(target: Target): Original {
  if (target instanceof HTMLImageElement) {
    const attributes = [save(target, 'src'), save(target, 'srcset'), save(target, 'sizes')];
    for (const source of pictureSources(target)) attributes.push(save(source, 'srcset'), save(source, 'sizes'));
    return { attributes };
  }
  return {
    attributes: [],
    background: ['background-image', 'background-size'].map((name) => ({
      name,
      value: target.style.getPropertyValue(name),
      priority: target.style.getPropertyPriority(name),
    })),
  };
}

/**
 * Shows `url` (our blob: or data: URL, `pixelWidth` px wide) in the element's place. For <img>
 * the density descriptor keeps the intrinsic size, so boxes sized by the image stay put; <picture>
 * sources get the same srcset, or they would keep winning over the <img>.
 */
export function showColorized(target: Target, url: string, pixelWidth: number, sourcePixelWidth: number): void {
  if (target instanceof HTMLImageElement) {
    const srcset = srcsetFor(url, densityFor(pixelWidth, target.naturalWidth));
    for (const source of pictureSources(target)) {
      source.setAttribute('srcset', srcset);
      source.removeAttribute('sizes');
    }
    target.setAttribute('srcset', srcset);
    target.removeAttribute('sizes');
    target.setAttribute('src', url);
    return;
  }
  target.style.setProperty('background-image', cssUrl(url), 'important');
  // A result scaled down from a huge source would tile smaller under background-size: auto.
  if (pixelWidth !== sourcePixelWidth && getComputedStyle(target).backgroundSize === 'auto') {
    target.style.setProperty('background-size', `${sourcePixelWidth}px auto`, 'important');
  }
}

export function showOriginal(target: Target, original: Original): void {
  for (const { element, name, value } of original.attributes) {
    if (value === null) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  for (const { name, value, priority } of original.background ?? []) {
    if (value) target.style.setProperty(name, value, priority);
    else target.style.removeProperty(name);
  }
}

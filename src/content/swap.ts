// Puts a colorized image in place of the original without changing layout, and puts the original
// back exactly as it was (attribute for attribute, inline style included). Where no URL of ours
// may be shown on the <img> (the page refuses them, or could read the image's pixels through them),
// a stand-in (our picture in a closed shadow root: result-forms.ts) takes its place, and the <img>
// stays in the DOM, hidden.
import { cssUrl, densityFor, srcsetFor } from './candidate-rules.ts';
import type { StandIn } from './result-forms.ts';

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
  /** The stand-in for an <img> (result-forms.ts). */
  standIn?: StandIn;
  /** The <img>'s inline display (and whether it had a style attribute) while the stand-in is shown. */
  hidden?: { display: InlineProperty; hadStyle: boolean };
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
    const attributes = [save(target, 'src'), save(target, 'srcset'), save(target, 'sizes'), save(target, 'aria-description')];
    for (const source of pictureSources(target)) attributes.push(save(source, 'srcset'), save(source, 'sizes'));
    return { attributes };
  }
  return {
    attributes: [save(target, 'aria-description')],
    background: ['background-image', 'background-size'].map((name) => ({
      name,
      value: target.style.getPropertyValue(name),
      priority: target.style.getPropertyPriority(name),
    })),
  };
}

/**
 * Shows `url` (our data: or blob: URL, `pixelWidth` px wide) in the element's place. For <img>
 * a density descriptor keeps the intrinsic size, so boxes sized by the image stay put; at 1x the
 * src alone does (without the page's srcset, which would win over it): one copy of a long data:
 * URL for the browser to parse, not two. <picture> sources get the same srcset, or they would keep
 * winning over the <img>.
 */
export function showColorized(target: Target, url: string, pixelWidth: number, sourcePixelWidth: number): void {
  if (target instanceof HTMLImageElement) {
    const density = densityFor(pixelWidth, target.naturalWidth);
    const sources = pictureSources(target);
    if (density === 1 && sources.length === 0) target.removeAttribute('srcset');
    else {
      const srcset = srcsetFor(url, density);
      for (const source of sources) {
        source.setAttribute('srcset', srcset);
        source.removeAttribute('sizes');
      }
      target.setAttribute('srcset', srcset);
    }
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

/** Properties of the <img> that place its picture inside its box: the stand-in's picture takes them. */
const PICTURE_PROPERTIES = ['object-fit', 'object-position', 'image-rendering'];

/**
 * Shows the stand-in in the <img>'s place: the image gets its original attributes back and is
 * hidden; the host takes the image's computed style (so it has the same box, margins, border and
 * the rest; an inline image's host is an inline-block, which sits on the line as a replaced element
 * does), and the picture fills the host's content box as the image's picture filled it. Call it
 * while the image shows its original, loaded (its box is then the one the page laid out).
 */
export function showStandIn(img: HTMLImageElement, original: Original): void {
  const standIn = original.standIn;
  if (!standIn || original.hidden) return;
  showOriginal(img, original);
  const computed = getComputedStyle(img);
  const { host, picture } = standIn;
  for (const name of Array.from(computed)) host.style.setProperty(name, computed.getPropertyValue(name));
  if (computed.display === 'inline') host.style.setProperty('display', 'inline-block');
  for (const name of PICTURE_PROPERTIES) picture.style.setProperty(name, computed.getPropertyValue(name));
  picture.style.setProperty('display', 'block');
  picture.style.setProperty('width', '100%');
  picture.style.setProperty('height', '100%');
  if (img.title) host.title = img.title;
  original.hidden = {
    display: { name: 'display', value: img.style.getPropertyValue('display'), priority: img.style.getPropertyPriority('display') },
    hadStyle: img.hasAttribute('style'),
  };
  img.style.setProperty('display', 'none', 'important');
  img.before(host);
}

/** Takes the stand-in out and shows the <img> again. */
export function dropStandIn(target: Target, original: Original): void {
  original.standIn?.host.remove();
  const hidden = original.hidden;
  if (!hidden) return;
  const { name, value, priority } = hidden.display;
  if (value) target.style.setProperty(name, value, priority);
  else target.style.removeProperty(name);
  if (!hidden.hadStyle && target.getAttribute('style') === '') target.removeAttribute('style');
  original.hidden = undefined;
}

export function showOriginal(target: Target, original: Original): void {
  dropStandIn(target, original);
  for (const { element, name, value } of original.attributes) {
    if (value === null) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  for (const { name, value, priority } of original.background ?? []) {
    if (value) target.style.setProperty(name, value, priority);
    else target.style.removeProperty(name);
  }
}

// Reading pixels in the content script, only for images the background can't fetch: the page's own
// data: and blob: images (a tiny thumbnail for the detector, then PNG bytes), and same-origin images
// that need the user's cookies (PNG bytes). Web images are fetched, decoded and checked by the
// background, off the page's main thread. Both throw a SecurityError on a tainted canvas.
import { DETECT_MAX_SIDE } from '../detect/index.ts';
import { fitWithin } from '../shared/limits.ts';

export interface Thumbnail {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

let scratch: HTMLCanvasElement | undefined;

function canvas(width: number, height: number, element = (scratch ??= document.createElement('canvas'))): CanvasRenderingContext2D {
  element.width = width;
  element.height = height;
  const context = element.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  return context;
}

let thumbnails: CanvasRenderingContext2D | undefined;

/** Draws a loaded image small (for the page's own data: and blob: images). Throws on a tainted image. */
export function readThumbnail(image: HTMLImageElement): Thumbnail {
  const size = fitWithin(image.naturalWidth, image.naturalHeight, DETECT_MAX_SIDE);
  // One canvas of the largest thumbnail size, never resized: resizing reallocates its bitmap.
  thumbnails ??= canvas(DETECT_MAX_SIDE, DETECT_MAX_SIDE, document.createElement('canvas'));
  const context = thumbnails;
  context.clearRect(0, 0, size.width, size.height);
  context.drawImage(image, 0, 0, size.width, size.height);
  try {
    return { data: context.getImageData(0, 0, size.width, size.height).data, width: size.width, height: size.height };
  } catch (error) {
    thumbnails = undefined; // tainted for good: the next image gets a clean canvas
    throw error;
  }
}

/** The full image as PNG bytes (base64 without the data: prefix). Throws on a tainted image. */
export async function readPngBase64(image: HTMLImageElement): Promise<string> {
  const context = canvas(image.naturalWidth, image.naturalHeight);
  context.drawImage(image, 0, 0);
  const url = context.canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}

/** Resolves once the image has loaded (or fails); true when it has pixels to read. */
export function whenLoaded(image: HTMLImageElement): Promise<boolean> {
  if (image.complete) return Promise.resolve(image.naturalWidth > 0);
  return new Promise((resolve) => {
    const done = () => {
      image.removeEventListener('load', done);
      image.removeEventListener('error', done);
      resolve(image.naturalWidth > 0);
    };
    image.addEventListener('load', done);
    image.addEventListener('error', done);
  });
}

/** A detached image for a CSS background URL, loaded (for its pixels and natural size). */
export async function loadDetached(url: string): Promise<HTMLImageElement | null> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  return (await whenLoaded(image)) ? image : null;
}

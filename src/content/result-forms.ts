// The forms a colorized result can be shown in, best first: a blob: URL, a data: URL, or (for an
// <img>) a canvas drawn here and put in the image's place. Chromium and Firefox let a load that the
// content script starts past the page's CSP, but a load the page starts itself (its script setting
// the src again, a re-layout picking a srcset candidate) is checked against img-src: there a page
// that blocks blob: (img-src 'self') breaks our image unless it falls back to a form it allows.

export type ResultForm = 'blob' | 'data' | 'canvas';

const URL_FORMS: readonly ResultForm[] = ['blob', 'data'];
const IMG_FORMS: readonly ResultForm[] = ['blob', 'data', 'canvas'];

/** The forms to try for an element, best first, leaving out those the page has blocked. Pure. */
export function formsFor(kind: 'img' | 'background', blocked: ReadonlySet<ResultForm>): ResultForm[] {
  return (kind === 'img' ? IMG_FORMS : URL_FORMS).filter((form) => !blocked.has(form));
}

/**
 * The form a CSP violation report says the page blocks for images, if it is one we use. Browsers
 * report a blob: or data: URL by its scheme alone ("blob", "data"). Pure.
 */
export function blockedForm(blockedURI: string, effectiveDirective: string): ResultForm | null {
  if (effectiveDirective !== 'img-src') return null;
  const scheme = /^(blob|data)(:|$)/.exec(blockedURI)?.[1];
  return scheme === 'blob' || scheme === 'data' ? scheme : null;
}

export interface Prepared {
  /** The URL shown (blob:, data:); for a canvas, a blob: URL kept only to name the result. */
  url: string;
  canvas?: HTMLCanvasElement;
}

/** Makes the result ready to show in `form`; null where it won't decode. */
export async function prepareForm(form: ResultForm, blob: Blob, alt: string): Promise<Prepared | null> {
  if (form === 'canvas') {
    const canvas = await drawResult(blob, alt).catch(() => null);
    return canvas ? { url: URL.createObjectURL(blob), canvas } : null;
  }
  const url = form === 'blob' ? URL.createObjectURL(blob) : await dataUrl(blob);
  if (await loads(url)) return { url };
  if (form === 'blob') URL.revokeObjectURL(url);
  return null;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The result drawn on a canvas: no URL for the page's CSP to refuse; announced as the image was. */
async function drawResult(blob: Blob, alt: string): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  canvas.setAttribute('role', 'img');
  if (alt) canvas.setAttribute('aria-label', alt);
  canvas.dataset.recolor = 'colorized';
  return canvas;
}

function loads(url: string): Promise<boolean> {
  const probe = new Image();
  probe.src = url;
  return probe.decode().then(
    () => true,
    () => false,
  );
}

// "Save image": the editor's result as a full-resolution PNG, downloaded through an anchor with a
// download attribute (no downloads permission), named after the original: <name>-recolor.png.

/** The saved file's name from the image's URL: its last path segment without extension, made safe. */
export function saveName(url: string): string {
  let base = '';
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'file:') {
      const last = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
      base = decodeURIComponent(last).replace(/\.[a-z0-9]{1,5}$/i, '');
    }
  } catch {
    base = '';
  }
  const safe = base.replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/^[.\s-]+|[.\s-]+$/g, '').slice(0, 100);
  return `${safe || 'image'}-recolor.png`;
}

/** The bitmap as PNG bytes (the background's result may be a JPEG). */
export async function pngOf(bitmap: ImageBitmap): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Starts the download of `blob` as `name` (the anchor lives in `parent`, our shadow root, for the click). */
export function download(blob: Blob, name: string, parent: ParentNode & Node): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  parent.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // The browser has the blob once the download started; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

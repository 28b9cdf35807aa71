// The colour editor's suggested colours for a new hint: the image is loaded as for colorizing
// (colorize-service.ts: the same fetch rules, decode slot and size limit, so the model sees the
// same input), made ready for the network once (the engine's suggestionImage, a 256x256 plane),
// and the engine reads its likeliest colours at the point. The editor asks about one image many
// times: the ready image is kept for the asking frame's editor session (editor-images.ts), so a
// second suggestion neither fetches nor decodes it again.
import type { ColorHint } from '../shared/hints.ts';
import type { ImageSource, SuggestResponse } from '../shared/messages.ts';
import { detailOf } from '../shared/result.ts';
import { suggestionImage } from '../engine/index.ts';
import type { SuggestionImage } from '../engine/index.ts';
import { decoding, load, stage } from './colorize-service.ts';
import { EditorImages } from './editor-images.ts';
import type { EditorFrame } from './editor-images.ts';
import { loadEngine } from './engine-host.ts';
import { decodeImage } from './image-codec.ts';
import { MAX_WORK_SIDE } from './image-policy.ts';

/** Swatches offered for a new hint. */
export const SUGGESTIONS = 6;

const ready = new EditorImages<SuggestionImage>((image) => image.plane.byteLength);

export interface SuggestOptions {
  x: number;
  y: number;
  hints?: ColorHint[];
  pageUrl: string | undefined;
  /** The frame whose editor asks (its partition: the top-level site, private tabs apart). */
  frame: EditorFrame;
}

export async function suggest(source: ImageSource, options: SuggestOptions): Promise<SuggestResponse> {
  try {
    const image = await readyImage(source, options);
    const engine = await stage('engine', () => loadEngine());
    const { x, y, hints } = options;
    const found = await engine.suggestColors(image, { x, y, hints, count: SUGGESTIONS });
    return { ok: true, colors: (found?.colors ?? []).map(({ color, probability }) => ({ color, probability })) };
  } catch (error) {
    return { ok: false, error: detailOf(error) };
  }
}

/** The frame's editor closed, or its tab closed or navigated (frameId undefined): its images go. */
export function forgetEditorImages(tabId: number, frameId?: number): void {
  if (frameId === undefined) ready.dropTab(tabId);
  else ready.dropFrame(tabId, frameId);
}

/** How many images are kept for editors now (end-to-end tests: the test build's hook). */
export function editorImageCount(): number {
  return ready.size;
}

/**
 * The image made ready: kept by URL for a URL source (found without a fetch); bytes sent along are
 * checked and hashed as ever (no network), then kept by their hash.
 */
async function readyImage(source: ImageSource, { frame, pageUrl }: SuggestOptions): Promise<SuggestionImage> {
  const byUrl = source.kind === 'url' ? `url ${source.url}` : undefined;
  const kept = byUrl && ready.get(frame, byUrl);
  if (kept) return kept;
  const fetched = await stage('load', () => load(source, { pageUrl, partition: frame.partition }));
  const key = byUrl ?? `bytes ${fetched.hash}`;
  const keptBytes = ready.get(frame, key);
  if (keptBytes) return keptBytes;
  const decoded = await stage('decode', () => decoding(() => decodeImage(fetched.bytes, fetched.mime, MAX_WORK_SIDE)));
  const image = await stage('decode', async () => suggestionImage(decoded.image));
  ready.put(frame, key, image);
  return image;
}

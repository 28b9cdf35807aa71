// The colour editor's suggested colours for a new hint: the image is loaded as for colorizing
// (colorize-service.ts: the same fetch rules, decode slot and size limit, so the model sees the
// same input), decoded and made ready for the network once for the asking frame's editor session
// (the editor images colorize-service.ts keeps, editor-image-keeper.ts: its colorizes share it),
// and the engine reads its likeliest colours at the point. A second suggestion on the image neither
// fetches nor decodes it again.
import type { ColorHint } from '../shared/hints.ts';
import type { ImageSource, SuggestResponse } from '../shared/messages.ts';
import { detailOf } from '../shared/result.ts';
import type { PreparedImage } from '../engine/index.ts';
import { editorImages, load, stage } from './colorize-service.ts';
import type { EditorFrame } from './editor-images.ts';
import { loadEngine } from './engine-host.ts';

/** Swatches offered for a new hint. */
export const SUGGESTIONS = 6;

export interface SuggestOptions {
  x: number;
  y: number;
  hints?: ColorHint[];
  pageUrl: string | undefined;
  /** The frame whose editor asks (its partition: the top-level site, private tabs apart) and its session. */
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

/**
 * The image made ready: kept by URL for a URL source (found without a fetch); bytes sent along are
 * checked and hashed as ever (no network), then found by their hash.
 */
async function readyImage(source: ImageSource, { frame, pageUrl }: SuggestOptions): Promise<PreparedImage> {
  const kept = source.kind === 'url' ? editorImages.byUrl(frame, source.url) : undefined;
  if (kept) return kept.prepared;
  const fetched = await stage('load', () => load(source, { pageUrl, partition: frame.partition }));
  return (await stage('decode', () => editorImages.of(frame, source, fetched))).prepared;
}

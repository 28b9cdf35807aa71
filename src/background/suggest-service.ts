// The colour editor's suggested colours for a new hint: the image is loaded as for colorizing
// (colorize-service.ts: the same fetch rules, decode slot and size limit, so the model sees the
// same input), then the engine reads its likeliest colours at the point. The last decoded image is
// kept (one, by content hash) since the editor asks about one image many times in a row.
import type { ColorHint } from '../shared/hints.ts';
import type { ImageSource, SuggestResponse } from '../shared/messages.ts';
import { detailOf } from '../shared/result.ts';
import type { RgbaImage } from '../engine/index.ts';
import { decoding, load, stage } from './colorize-service.ts';
import { loadEngine } from './engine-host.ts';
import { decodeImage } from './image-codec.ts';
import { MAX_WORK_SIDE } from './image-policy.ts';

/** Swatches offered for a new hint. */
export const SUGGESTIONS = 6;

let last: { hash: string; image: RgbaImage } | undefined;

export interface SuggestOptions {
  x: number;
  y: number;
  hints?: ColorHint[];
  pageUrl: string | undefined;
  partition: string;
}

export async function suggest(source: ImageSource, options: SuggestOptions): Promise<SuggestResponse> {
  try {
    const fetched = await stage('load', () => load(source, options));
    let image = last?.hash === fetched.hash ? last.image : undefined;
    if (!image) {
      const decoded = await stage('decode', () => decoding(() => decodeImage(fetched.bytes, fetched.mime, MAX_WORK_SIDE)));
      image = decoded.image;
      last = { hash: fetched.hash, image };
    }
    const engine = await stage('engine', () => loadEngine());
    const { x, y, hints } = options;
    const found = await engine.suggestColors(image, { x, y, hints, count: SUGGESTIONS });
    return { ok: true, colors: (found?.colors ?? []).map(({ color, probability }) => ({ color, probability })) };
  } catch (error) {
    return { ok: false, error: detailOf(error) };
  }
}

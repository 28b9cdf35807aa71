// Asks the background to colorize one image and decides, by the answer's failure code, whether
// asking again could help. Web images go as URLs (the background fetches, decodes and checks them,
// off the page's main thread); the page's own data: and blob: images, and a same-origin image the
// background could not fetch without the user's cookies, go as bytes read here. An answer that
// does not come in time is a failure ('no-answer'), never a wait without end.
import type { ColorHint } from '../shared/hints.ts';
import type { ColorizeResponse, ImageSource, Priority, SuggestResponse } from '../shared/messages.ts';
import type { RequestPort } from '../shared/request-port.ts';
import { detailOf, failed, worthRetryWithPageBytes } from '../shared/result.ts';
import { routeFor } from './candidate-rules.ts';
import { readPngBase64 } from './pixels.ts';

/**
 * A colorize request with no answer by then is given up and the image left as it was. Generous:
 * on a page of hundreds of photos, automatic requests wait in the background's queue for their
 * turn, a few hundred ms each on a slow machine.
 */
export const COLORIZE_TIMEOUT_MS = 120_000;

export interface Ask {
  url: string;
  priority: Priority;
  /** Automatic: colorized only if the background's detector calls it a black-and-white photo. */
  detect: boolean;
  /** The loaded image, for its bytes when they must be read here (null: it would not load). */
  pixels(): Promise<HTMLImageElement | null>;
  /** The colour editor's: its hints (none: the edit remembered for the image), this image's strength, and Apply. */
  hints?: ColorHint[];
  strength?: number;
  remember?: boolean;
  /** The colour editor asks, in this session (made when it opened): the background keeps the image decoded for it until it closes. */
  editorSession?: string;
}

const isWeb = (url: string) => /^https?:/.test(url);

export class ColorizeClient {
  constructor(
    private readonly port: RequestPort,
    /** The page's origin, read once (a getter into the page's world each time otherwise). */
    private readonly origin: string,
    private readonly timeoutMs = COLORIZE_TIMEOUT_MS,
  ) {}

  async colorize(ask: Ask): Promise<ColorizeResponse> {
    const first = await this.send(ask, !isWeb(ask.url));
    // The background fetches without the user's cookies: a same-origin image may need them.
    if (worthRetryWithPageBytes(first) && isWeb(ask.url) && routeFor(ask.url, this.origin) === 'direct') return this.send(ask, true);
    return first;
  }

  /** The colour editor's suggested colours at a point, for the same image source a colorize would send, in the editor's session. */
  async suggest(ask: Ask & { editorSession: string }, x: number, y: number, hints: ColorHint[]): Promise<SuggestResponse> {
    try {
      const source = await this.source(ask, !isWeb(ask.url));
      if (!source) return { ok: false, error: 'image did not load' };
      return await this.port.request({ type: 'suggest-colors', source, x, y, hints, editorSession: ask.editorSession }, this.timeoutMs);
    } catch (error) {
      return { ok: false, error: detailOf(error) };
    }
  }

  /** The colour editor's session closed: the background drops the image it kept for it. */
  async editorClosed(editorSession: string): Promise<void> {
    await this.port.request({ type: 'editor-closed', editorSession }, this.timeoutMs).catch(() => undefined);
  }

  /** The image as the background gets it: its URL, or its bytes read here (null: it would not load). */
  private async source(ask: Ask, readHere: boolean): Promise<ImageSource | null> {
    if (!readHere) return { kind: 'url', url: ask.url };
    const image = await ask.pixels();
    if (!image) return null;
    const url = ask.url.startsWith('data:') ? 'data:' : ask.url;
    return { kind: 'bytes', url, base64: await readPngBase64(image), mime: 'image/png' };
  }

  private async send(ask: Ask, readHere: boolean): Promise<ColorizeResponse> {
    try {
      const source = await this.source(ask, readHere);
      if (!source) return failed('unreachable', 'image did not load');
      const { hints, strength, remember, editorSession } = ask;
      return await this.port.request(
        {
          type: 'colorize',
          source,
          priority: ask.priority,
          detect: ask.detect,
          ...(hints && { hints }),
          ...(strength !== undefined && { strength }),
          ...(remember && { remember }),
          ...(editorSession !== undefined && { editorSession }),
        },
        this.timeoutMs,
      );
    } catch (error) {
      // A tainted canvas (SecurityError), no answer in time, or no extension to answer.
      return failed(error instanceof DOMException ? 'unreachable' : 'no-answer', detailOf(error));
    }
  }
}

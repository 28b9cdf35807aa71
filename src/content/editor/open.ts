// Opens the colour editor for one image of the page: wires the editor (editor.ts) to the content
// script's client (the background's colorize and suggest-colors messages, with the image sent as
// the page's automatic requests send it, all in the session the editor makes when it opens;
// editor-closed for that session when it closes) and to the coordinator's apply. One editor at a
// time.
import type { ColorizedImage } from '../../shared/messages.ts';
import type { ColorizeClient } from '../colorize-client.ts';
import { loadDetached } from '../pixels.ts';
import { ColorEditor } from './editor.ts';
import { newEditorSessionId } from './session-id.ts';

export interface EditRequest {
  client: ColorizeClient;
  /** The image's source URL. */
  url: string;
  /** The loaded image on the page, for its bytes where they must be read here. */
  pixels(): Promise<HTMLImageElement | null>;
  /** Shows the edited result on the page in place (the presenter's path). */
  apply(result: ColorizedImage): Promise<boolean>;
}

let current: ColorEditor | undefined;

export async function openEditor(request: EditRequest): Promise<{ ok: boolean; error?: string }> {
  if (current) return { ok: false, error: 'the editor is open already' };
  const { client, url, pixels } = request;
  // The original picture for "before": the page's own image loaded apart (it may show ours now).
  const original = (await loadDetached(url)) ?? (await pixels());
  if (!original) return { ok: false, error: 'image did not load' };
  // `editorSession`: the background keeps the image decoded for this editor's session until it
  // closes; a request of it still on its way then keeps nothing, nor does a later editor find it.
  const editorSession = newEditorSessionId();
  const ask = { url, priority: 'user' as const, detect: false, editorSession, pixels };
  const editor = new ColorEditor({
    url,
    original,
    colorize: (fields) => client.colorize({ ...ask, ...fields }),
    suggest: (x, y, hints) => client.suggest(ask, x, y, hints),
    apply: request.apply,
    closed: () => {
      if (current === editor) current = undefined;
      void client.editorClosed(editorSession);
    },
  });
  current = editor;
  await editor.open();
  return { ok: true };
}

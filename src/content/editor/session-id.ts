// The colour editor's session id: made when an editor opens, sent with its colorize and suggest
// requests and its 'editor-closed', so the background keeps the decoded image for this session
// alone (a request still on its way when the editor closed, or a later editor on the same image,
// does not find or keep it: background/editor-images.ts). crypto.getRandomValues, not
// crypto.randomUUID: randomUUID exists only in secure contexts, and a content script on an
// http: page has none (Chromium gives content scripts their page's context).

/** 128 random bits as 32 hex digits. */
export function newEditorSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

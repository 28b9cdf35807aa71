import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest } from '../../shared/messages.ts';
import { newEditorSessionId } from './session-id.ts';

describe('newEditorSessionId', () => {
  it('makes 32 hex digits, a new one each time, that the message contract accepts', () => {
    const ids = Array.from({ length: 1000 }, () => newEditorSessionId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseBackgroundRequest({ type: 'editor-closed', editorSession: ids[0] })).not.toBeNull();
  });
});

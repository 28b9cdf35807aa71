import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, parseContentCommand } from './messages.ts';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

describe('parseBackgroundRequest', () => {
  it.each([
    [{ type: 'probe', url: 'https://a.org/x.jpg' }, true],
    [{ type: 'probe', url: '' }, false],
    [{ type: 'probe', url: 5 }, false],
    [{ type: 'probe' }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user' }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'now' }, false],
    [{ type: 'colorize', source: { kind: 'bytes', url: 'blob:x', base64: 'AAAA', mime: 'image/png' }, priority: 'visible' }, true],
    [{ type: 'colorize', source: { kind: 'bytes', url: 'blob:x', base64: 'AAAA', mime: 'text/html' }, priority: 'visible' }, false],
    [{ type: 'colorize', source: { kind: 'file', url: 'x' }, priority: 'visible' }, false],
    [{ type: 'page-status', colorized: 1, working: 0, candidates: 3, showingOriginals: false }, true],
    [{ type: 'page-status', colorized: 1, working: 0, candidates: 3 }, false],
    [{ type: 'page-status', colorized: -1, working: 0, candidates: 3, showingOriginals: false }, false],
    [{ type: 'page-status', colorized: 1.5, working: 0, candidates: 3, showingOriginals: false }, false],
    [{ type: 'menu-target', showsColorized: true }, true],
    [{ type: 'menu-target', showsColorized: 1 }, false],
    [{ type: 'menu-target' }, false],
    // The popup's requests are gone with the popup: the toolbar button acts in the background.
    [{ type: 'toggle-site', tabId: 3 }, false],
    [{ type: 'engine-status', load: false }, true],
    [{ type: 'cache-stats' }, true],
    [{ type: 'cache-clear' }, true],
    [{ type: 'toString' }, false],
    [{ type: '__proto__' }, false],
    [{ type: 'eval', code: 'x' }, false],
    [null, false],
    ['probe', false],
    [['probe'], false],
  ])('%j valid=%s', (message, valid) => {
    expect(parseBackgroundRequest(message) !== null).toBe(valid);
  });
});

describe('parseContentCommand', () => {
  it.each([
    [{ type: 'menu-colorize', srcUrl: 'https://a.org/x.jpg' }, true],
    [{ type: 'menu-show-original', srcUrl: 'blob:https://a.org/1' }, true],
    [{ type: 'menu-colorize' }, false],
    [{ type: 'set-show-originals', show: false }, true],
    [{ type: 'set-show-originals', show: 'no' }, false],
    [{ type: 'get-page-status' }, true],
    [{ type: 'probe', url: 'x' }, false],
  ])('%j valid=%s', (message, valid) => {
    expect(parseContentCommand(message) !== null).toBe(valid);
  });
});

describe('base64', () => {
  it.each([0, 1, 2, 3, 100, 0x8000, 0x8000 * 3 + 7])('round-trips %i bytes', (length) => {
    const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 255);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(encoded)).toEqual(bytes);
  });
});

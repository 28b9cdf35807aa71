import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, parseContentCommand, parsePortRequest, parsePortResponse, senderOf } from './messages.ts';
import type { BackgroundRequest, Sender } from './messages.ts';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

describe('parseBackgroundRequest', () => {
  it.each([
    // The thumbnail probe is gone: automatic requests carry `detect` and the background checks.
    [{ type: 'probe', url: 'https://a.org/x.jpg' }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user' }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'visible', detect: true }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'visible', detect: false }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'visible', detect: 'yes' }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'now' }, false],
    [{ type: 'colorize', source: { kind: 'bytes', url: 'blob:x', base64: 'AAAA', mime: 'image/png' }, priority: 'visible' }, true],
    [{ type: 'colorize', source: { kind: 'bytes', url: 'blob:x', base64: 'AAAA', mime: 'text/html' }, priority: 'visible' }, false],
    [{ type: 'colorize', source: { kind: 'file', url: 'x' }, priority: 'visible' }, false],
    // The colour editor's hints: checked on arrival by the engine's rule (shared/hints.ts), at most 64.
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [] }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [{ x: 0.5, y: 0.1, color: '#4a7ab5' }] }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [{ x: 1, y: 0, color: '#ABC' }] }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: Array(64).fill({ x: 0, y: 0, color: '#fff' }) }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: Array(65).fill({ x: 0, y: 0, color: '#fff' }) }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [{ x: 120, y: 40, color: '#fff' }] }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [{ x: 0.5, y: -0.1, color: '#fff' }] }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [{ x: 0.5, y: 0.5, color: 'blue' }] }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [{ x: 0.5, y: 0.5, color: '#fff' }, 'x'] }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: { x: 0.5, y: 0.5, color: '#fff' } }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: null }, false],
    // The editor asks, in its session (its image kept decoded for that session): a bounded string.
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [], editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', editorSession: 'x'.repeat(64) }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', editorSession: 'x'.repeat(65) }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', editorSession: '' }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', editorSession: true }, false],
    // The editor's own strength for one image (the setting's range) and its Apply (remember).
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', hints: [], strength: 0.4, remember: true }, true],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', strength: 1.6 }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', strength: '1' }, false],
    [{ type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'user', remember: 1 }, false],
    // Suggested colours at a point (fractions of the image), with the hints placed so far, in the editor's session.
    [{ type: 'suggest-colors', source: { kind: 'url', url: 'https://a.org/x.jpg' }, x: 0.5, y: 0, editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, true],
    [{ type: 'suggest-colors', source: { kind: 'url', url: 'https://a.org/x.jpg' }, x: 0.5, y: 1, hints: [{ x: 0.5, y: 0.1, color: '#4a7ab5' }], editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, true],
    [{ type: 'suggest-colors', source: { kind: 'url', url: 'https://a.org/x.jpg' }, x: 0.5, y: 0 }, false],
    [{ type: 'suggest-colors', source: { kind: 'url', url: 'https://a.org/x.jpg' }, x: 1.5, y: 0, editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, false],
    [{ type: 'suggest-colors', source: { kind: 'url', url: 'https://a.org/x.jpg' }, x: 0.5, editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, false],
    [{ type: 'suggest-colors', x: 0.5, y: 0.5, editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, false],
    [{ type: 'editor-closed', editorSession: '3f2c9a0be1d84c7f9a6e0d2b5c8f1a47' }, true],
    [{ type: 'editor-closed' }, false],
    [{ type: 'editor-closed', editorSession: 7 }, false],
    [{ type: 'page-status', colorized: 1, working: 0, candidates: 3, showingOriginals: false }, true],
    [{ type: 'page-status', colorized: 1, working: 0, candidates: 3 }, false],
    [{ type: 'page-status', colorized: -1, working: 0, candidates: 3, showingOriginals: false }, false],
    [{ type: 'page-status', colorized: 1.5, working: 0, candidates: 3, showingOriginals: false }, false],
    [{ type: 'menu-target', showsColorized: true }, true],
    [{ type: 'menu-target', showsColorized: 1 }, false],
    [{ type: 'menu-target' }, false],
    // The popup changes settings itself; it asks the background only for a tab's report.
    [{ type: 'toggle-site', tabId: 3 }, false],
    [{ type: 'tab-report', tabId: 3 }, true],
    [{ type: 'tab-report', tabId: -1 }, false],
    [{ type: 'tab-report', tabId: '3' }, false],
    [{ type: 'tab-report' }, false],
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

describe('port envelopes', () => {
  const colorize = { type: 'colorize', source: { kind: 'url', url: 'https://a.org/x.jpg' }, priority: 'visible', detect: true };
  it.each([
    [{ id: 1, request: colorize }, true],
    [{ id: 0, request: { type: 'page-site' } }, true],
    [{ id: -1, request: colorize }, false],
    [{ id: 1.5, request: colorize }, false],
    [{ id: '1', request: colorize }, false],
    [{ id: 1, request: { type: 'probe', url: 'x' } }, false],
    [{ id: 1 }, false],
    [colorize, false],
    [null, false],
  ])('request %j valid=%s', (message, valid) => {
    expect(parsePortRequest(message) !== null).toBe(valid);
  });

  it.each([
    [{ id: 3, response: { ok: true } }, true],
    [{ id: 3, response: undefined }, true],
    [{ id: 3 }, false],
    [{ id: -3, response: {} }, false],
    ['x', false],
  ])('response %j valid=%s', (message, valid) => {
    expect(parsePortResponse(message) !== null).toBe(valid);
  });
});

describe('parseContentCommand', () => {
  it.each([
    [{ type: 'menu-colorize', srcUrl: 'https://a.org/x.jpg' }, true],
    [{ type: 'menu-show-original', srcUrl: 'blob:https://a.org/1' }, true],
    // Our results are data: URLs: a right-click on one names it whole.
    [{ type: 'menu-show-original', srcUrl: `data:image/jpeg;base64,${'A'.repeat(1024 * 1024)}` }, true],
    [{ type: 'menu-show-original', srcUrl: `data:image/jpeg;base64,${'A'.repeat(2 * 1024 * 1024)}` }, false],
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

describe('senderOf: who may send each request', () => {
  it.each([
    ['page-site', 'content-script'],
    ['colorize', 'content-script'],
    ['suggest-colors', 'content-script'],
    ['editor-closed', 'content-script'],
    ['page-status', 'content-script'],
    ['menu-target', 'content-script'],
    ['engine-status', 'extension-page'],
    ['cache-stats', 'extension-page'],
    ['cache-clear', 'extension-page'],
  ] as [BackgroundRequest['type'], Sender][])('%s: %s', (type, sender) => {
    expect(senderOf(type)).toBe(sender);
  });
});

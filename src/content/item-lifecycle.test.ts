import { describe, expect, it } from 'vitest';
import { isLookable, next } from './item-lifecycle.ts';
import type { ItemEvent, ItemState } from './item-lifecycle.ts';

type S = ItemState<string>;
type E = ItemEvent<string>;

const found: S = { name: 'found' };
const loading: S = { name: 'loading' };
const asked: S = { name: 'asked', detect: true };
const colorized: S = { name: 'colorized', shown: 'data', showingOriginal: false };
const skipped: S = { name: 'skipped', code: 'color', detail: 'a colour photo' };
const failed: S = { name: 'failed', code: 'refused', detail: 'not an image' };
const restored: S = { name: 'restored' };

const ask = (manual: boolean): E => ({ type: 'ask', detect: !manual, manual });
const skip: E = { type: 'skip', code: 'too-small', detail: '20x20' };
const fail: E = { type: 'fail', code: 'no-answer', detail: 'timed out' };
const shown: E = { type: 'shown', shown: 'canvas', showingOriginal: false };

describe('item lifecycle: every state against every event', () => {
  it.each([
    // from found: looked at
    [found, { type: 'wait-load' }, loading],
    [found, { type: 'loaded', ok: true }, null],
    [found, ask(false), { name: 'asked', detect: true }],
    [found, ask(true), { name: 'asked', detect: false }],
    [found, skip, { name: 'skipped', code: 'too-small', detail: '20x20' }],
    [found, fail, null],
    [found, shown, null],
    [found, { type: 'flip', original: true }, null],
    [found, { type: 'drop' }, null],
    // loading: only its load ends it (or a skip, or the page moving on)
    [loading, { type: 'loaded', ok: true }, found],
    [loading, { type: 'loaded', ok: false }, { name: 'failed', code: 'unreachable', detail: 'image did not load' }],
    [loading, ask(false), null],
    [loading, ask(true), { name: 'asked', detect: false }],
    [loading, skip, { name: 'skipped', code: 'too-small', detail: '20x20' }],
    [loading, { type: 'drop' }, restored],
    // asked: the answer decides
    [asked, ask(true), null],
    [asked, skip, { name: 'skipped', code: 'too-small', detail: '20x20' }],
    [asked, fail, { name: 'failed', code: 'no-answer', detail: 'timed out' }],
    [asked, shown, { name: 'colorized', shown: 'canvas', showingOriginal: false }],
    [asked, { type: 'flip', original: true }, null],
    [asked, { type: 'drop' }, restored],
    // colorized: flipped, moved to another form, or dropped
    [colorized, { type: 'flip', original: true }, { ...colorized, showingOriginal: true }],
    [colorized, shown, { name: 'colorized', shown: 'canvas', showingOriginal: false }],
    [colorized, ask(true), null],
    [colorized, skip, null],
    [colorized, fail, null],
    [colorized, { type: 'wait-load' }, null],
    [colorized, { type: 'drop' }, restored],
    // skipped and failed: only the user asks again
    [skipped, ask(false), null],
    [skipped, ask(true), { name: 'asked', detect: false }],
    [skipped, { type: 'wait-load' }, null],
    [skipped, { type: 'drop' }, restored],
    [failed, ask(false), null],
    [failed, ask(true), { name: 'asked', detect: false }],
    [failed, { type: 'drop' }, restored],
    // restored: looked at afresh, as found
    [restored, ask(false), { name: 'asked', detect: true }],
    [restored, { type: 'wait-load' }, loading],
    [restored, { type: 'drop' }, restored],
    [restored, { type: 'flip', original: false }, null],
  ] as [S, E, S | null][])('%j + %j -> %j', (state, event, expected) => {
    expect(next(state, event)).toEqual(expected);
  });

  it.each([
    [found, true],
    [restored, true],
    [loading, false],
    [asked, false],
    [colorized, false],
    [skipped, false],
    [failed, false],
  ] as [S, boolean][])('%j lookable: %s', (state, expected) => {
    expect(isLookable(state)).toBe(expected);
  });
});

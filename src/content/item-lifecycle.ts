// One image's life in the content script, as a typed union of states and the pure transitions
// between them (the coordinator, page-controller.ts, applies them; a table test checks them):
//
//   found ──look──▶ loading ──loaded──▶ found         (an <img> without pixels yet)
//   found ──ask───▶ asked ──answer────▶ skipped{code} | failed{code}
//                         ──shown─────▶ colorized{shown} ──flip──▶ colorized (original <-> ours)
//   any but found ──drop──▶ restored (our result gone, the original back): looked at afresh
//   found/loading ──skip──▶ skipped{code}               (the content script's own rules)
//
// A user's request (the menu) may also ask from loading, skipped and failed.
import type { FailCode, SkipCode } from '../shared/result.ts';

export type ItemState<S> =
  | { name: 'found' }
  | { name: 'loading' }
  | { name: 'asked'; detect: boolean }
  | { name: 'colorized'; shown: S; showingOriginal: boolean }
  | { name: 'skipped'; code: SkipCode; detail: string }
  | { name: 'failed'; code: FailCode; detail: string }
  | { name: 'restored' };

export type ItemEvent<S> =
  /** An <img> still loading: looked at again once it has pixels. */
  | { type: 'wait-load' }
  | { type: 'loaded'; ok: boolean }
  /** The background is asked (`detect`: automatic, only if it is a black-and-white photo). */
  | { type: 'ask'; detect: boolean; manual: boolean }
  | { type: 'skip'; code: SkipCode; detail: string }
  | { type: 'fail'; code: FailCode; detail: string }
  /** The result is on screen in the form `shown` describes. */
  | { type: 'shown'; shown: S; showingOriginal: boolean }
  /** The user or the page asked for the original (true) or the colorized result (false). */
  | { type: 'flip'; original: boolean }
  /** Our work for it is undone: the page changed it, the site was switched off, or the page refuses our forms. */
  | { type: 'drop' };

/** Whether automatic work may look at an item in this state (new to us, or put back). */
export function isLookable(state: ItemState<unknown>): boolean {
  return state.name === 'found' || state.name === 'restored';
}

/** The next state, or null where the event does not apply in this state (the caller ignores it). Pure. */
export function next<S>(state: ItemState<S>, event: ItemEvent<S>): ItemState<S> | null {
  switch (event.type) {
    case 'wait-load':
      return isLookable(state) ? { name: 'loading' } : null;
    case 'loaded':
      if (state.name !== 'loading') return null;
      return event.ok ? { name: 'found' } : { name: 'failed', code: 'unreachable', detail: 'image did not load' };
    case 'ask':
      if (isLookable(state)) return { name: 'asked', detect: event.detect };
      if (event.manual && (state.name === 'loading' || state.name === 'skipped' || state.name === 'failed')) return { name: 'asked', detect: false };
      return null;
    case 'skip':
      return isLookable(state) || state.name === 'loading' || state.name === 'asked'
        ? { name: 'skipped', code: event.code, detail: event.detail }
        : null;
    case 'fail':
      return state.name === 'asked' ? { name: 'failed', code: event.code, detail: event.detail } : null;
    case 'shown':
      return state.name === 'asked' || state.name === 'colorized'
        ? { name: 'colorized', shown: event.shown, showingOriginal: event.showingOriginal }
        : null;
    case 'flip':
      return state.name === 'colorized' ? { ...state, showingOriginal: event.original } : null;
    case 'drop':
      return state.name === 'found' ? null : { name: 'restored' };
  }
}

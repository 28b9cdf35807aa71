// The colour editor's hint list with undo and redo, as pure values: every edit returns a new
// History, nothing is mutated, so the editor can keep the state it last asked the background for
// and compare. Hints keep a stable id (for the marker being dragged) that is not sent anywhere.
import type { ColorHint } from '../../shared/hints.ts';
import { MAX_MESSAGE_HINTS } from '../../shared/hints.ts';

export interface EditorHint extends ColorHint {
  id: number;
}

export interface History {
  /** Earlier lists, oldest first. */
  readonly past: readonly (readonly EditorHint[])[];
  readonly present: readonly EditorHint[];
  /** Lists undone, the next redo last. */
  readonly future: readonly (readonly EditorHint[])[];
  /** The id the next hint gets. */
  readonly nextId: number;
}

/** Undo steps kept; older ones are dropped. */
export const MAX_UNDO = 100;

export type HintEdit =
  | { kind: 'add'; x: number; y: number; color: string }
  | { kind: 'move'; id: number; x: number; y: number }
  | { kind: 'recolor'; id: number; color: string }
  | { kind: 'remove'; id: number }
  | { kind: 'reset' };

export function emptyHistory(hints: readonly ColorHint[] = []): History {
  return { past: [], present: hints.map((h, i) => ({ x: h.x, y: h.y, color: h.color, id: i + 1 })), future: [], nextId: hints.length + 1 };
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** The list after one edit, or the same list (by reference) when the edit changes nothing. */
function applyEdit(list: readonly EditorHint[], edit: HintEdit, nextId: number): readonly EditorHint[] {
  switch (edit.kind) {
    case 'add':
      if (list.length >= MAX_MESSAGE_HINTS) return list;
      return [...list, { id: nextId, x: clamp01(edit.x), y: clamp01(edit.y), color: edit.color }];
    case 'move': {
      const x = clamp01(edit.x);
      const y = clamp01(edit.y);
      const hit = list.find((h) => h.id === edit.id);
      if (!hit || (hit.x === x && hit.y === y)) return list;
      return list.map((h) => (h.id === edit.id ? { ...h, x, y } : h));
    }
    case 'recolor': {
      const hit = list.find((h) => h.id === edit.id);
      if (!hit || hit.color === edit.color) return list;
      return list.map((h) => (h.id === edit.id ? { ...h, color: edit.color } : h));
    }
    case 'remove':
      return list.some((h) => h.id === edit.id) ? list.filter((h) => h.id !== edit.id) : list;
    case 'reset':
      return list.length === 0 ? list : [];
  }
}

/** One edit as one undo step; an edit that changes nothing leaves the history as it was. */
export function edit(history: History, change: HintEdit): History {
  const next = applyEdit(history.present, change, history.nextId);
  if (next === history.present) return history;
  const past = [...history.past, history.present].slice(-MAX_UNDO);
  return { past, present: next, future: [], nextId: change.kind === 'add' ? history.nextId + 1 : history.nextId };
}

/**
 * A drag in progress replaces the present without a new undo step (the step was made when the
 * drag began, by `edit`), so one drag is undone at once.
 */
export function amend(history: History, change: HintEdit): History {
  if (change.kind === 'add') return edit(history, change);
  const next = applyEdit(history.present, change, history.nextId);
  return next === history.present ? history : { ...history, present: next };
}

export const canUndo = (history: History) => history.past.length > 0;
export const canRedo = (history: History) => history.future.length > 0;

export function undo(history: History): History {
  if (!canUndo(history)) return history;
  return { ...history, past: history.past.slice(0, -1), present: history.past[history.past.length - 1], future: [...history.future, history.present] };
}

export function redo(history: History): History {
  if (!canRedo(history)) return history;
  return { ...history, past: [...history.past, history.present], present: history.future[history.future.length - 1], future: history.future.slice(0, -1) };
}

/** The hints as the colorize message carries them (ids dropped). */
export function messageHints(history: History): ColorHint[] {
  return history.present.map(({ x, y, color }) => ({ x, y, color }));
}

/** The hint whose marker is nearest to (x, y) within `radius` (fractions scaled by the view's px), or undefined. */
export function hintAt(list: readonly EditorHint[], x: number, y: number, width: number, height: number, radius: number): EditorHint | undefined {
  let best: EditorHint | undefined;
  let bestD = radius;
  // Later hints are drawn on top: on a tie the later one is picked.
  for (const h of list) {
    const d = Math.hypot((h.x - x) * width, (h.y - y) * height);
    if (d <= bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

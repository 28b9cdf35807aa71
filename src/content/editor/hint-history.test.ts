import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_HINTS } from '../../shared/hints.ts';
import { amend, canRedo, canUndo, edit, emptyHistory, hintAt, MAX_UNDO, messageHints, redo, undo } from './hint-history.ts';
import type { HintEdit, History } from './hint-history.ts';

type Step = HintEdit | 'undo' | 'redo' | { amend: HintEdit };

function run(steps: Step[], start: History = emptyHistory()): History {
  return steps.reduce((h, step) => {
    if (step === 'undo') return undo(h);
    if (step === 'redo') return redo(h);
    if ('amend' in step) return amend(h, step.amend);
    return edit(h, step);
  }, start);
}

const add = (x: number, y: number, color = '#00f'): HintEdit => ({ kind: 'add', x, y, color });
const plain = (h: History) => messageHints(h).map(({ x, y, color }) => `${x},${y},${color}`);

describe('hint history', () => {
  const cases: { name: string; steps: Step[]; hints: string[]; undo: boolean; redo: boolean }[] = [
    { name: 'empty', steps: [], hints: [], undo: false, redo: false },
    { name: 'one hint', steps: [add(0.1, 0.2)], hints: ['0.1,0.2,#00f'], undo: true, redo: false },
    { name: 'add then undo', steps: [add(0.1, 0.2), 'undo'], hints: [], undo: false, redo: true },
    { name: 'undo then redo', steps: [add(0.1, 0.2), 'undo', 'redo'], hints: ['0.1,0.2,#00f'], undo: true, redo: false },
    { name: 'a new edit drops the redo list', steps: [add(0.1, 0.2), 'undo', add(0.5, 0.5, '#0f0')], hints: ['0.5,0.5,#0f0'], undo: true, redo: false },
    { name: 'move', steps: [add(0.1, 0.2), { kind: 'move', id: 1, x: 0.3, y: 0.4 }], hints: ['0.3,0.4,#00f'], undo: true, redo: false },
    { name: 'move is clamped to the image', steps: [add(0.1, 0.2), { kind: 'move', id: 1, x: -2, y: 7 }], hints: ['0,1,#00f'], undo: true, redo: false },
    { name: 'recolor', steps: [add(0.1, 0.2), { kind: 'recolor', id: 1, color: '#f00' }], hints: ['0.1,0.2,#f00'], undo: true, redo: false },
    { name: 'remove the first of two', steps: [add(0.1, 0.2), add(0.5, 0.5, '#0f0'), { kind: 'remove', id: 1 }], hints: ['0.5,0.5,#0f0'], undo: true, redo: false },
    { name: 'remove then undo puts it back in place', steps: [add(0.1, 0.2), add(0.5, 0.5, '#0f0'), { kind: 'remove', id: 1 }, 'undo'], hints: ['0.1,0.2,#00f', '0.5,0.5,#0f0'], undo: true, redo: true },
    { name: 'reset then undo', steps: [add(0.1, 0.2), add(0.5, 0.5), { kind: 'reset' }, 'undo'], hints: ['0.1,0.2,#00f', '0.5,0.5,#00f'], undo: true, redo: true },
    { name: 'undo with nothing to undo', steps: ['undo', 'undo'], hints: [], undo: false, redo: false },
    { name: 'a drag is one undo step', steps: [add(0.1, 0.1), { kind: 'move', id: 1, x: 0.2, y: 0.2 }, { amend: { kind: 'move', id: 1, x: 0.3, y: 0.3 } }, { amend: { kind: 'move', id: 1, x: 0.4, y: 0.4 } }, 'undo'], hints: ['0.1,0.1,#00f'], undo: true, redo: true },
  ];
  it.each(cases)('$name', ({ steps, hints, undo: u, redo: r }) => {
    const h = run(steps);
    expect(plain(h)).toEqual(hints);
    expect(canUndo(h)).toBe(u);
    expect(canRedo(h)).toBe(r);
  });

  const noOps: { name: string; change: HintEdit }[] = [
    { name: 'move of an unknown id', change: { kind: 'move', id: 9, x: 0.5, y: 0.5 } },
    { name: 'move to the same place', change: { kind: 'move', id: 1, x: 0.1, y: 0.2 } },
    { name: 'recolor to the same colour', change: { kind: 'recolor', id: 1, color: '#00f' } },
    { name: 'remove of an unknown id', change: { kind: 'remove', id: 9 } },
  ];
  it.each(noOps)('$name changes nothing and makes no undo step', ({ change }) => {
    const start = run([add(0.1, 0.2)]);
    expect(edit(start, change)).toBe(start);
    expect(amend(start, change)).toBe(start);
  });

  it('reset of an empty list changes nothing', () => {
    const h = emptyHistory();
    expect(edit(h, { kind: 'reset' })).toBe(h);
  });

  it('undo gives back the very list of before (same values, same ids)', () => {
    const a = run([add(0.1, 0.2), add(0.3, 0.4)]);
    const b = undo(edit(a, { kind: 'move', id: 2, x: 0.9, y: 0.9 }));
    expect(b.present).toBe(a.present);
  });

  it('ids stay unique after undo and a new add', () => {
    const h = run([add(0.1, 0.1), add(0.2, 0.2), 'undo', add(0.3, 0.3)]);
    const ids = h.present.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes no more hints than a message may carry', () => {
    let h = emptyHistory();
    for (let i = 0; i < MAX_MESSAGE_HINTS + 5; i++) h = edit(h, add(i / 100, 0.5));
    expect(h.present.length).toBe(MAX_MESSAGE_HINTS);
  });

  it('keeps at most MAX_UNDO steps', () => {
    let h = run([add(0.5, 0.5)]);
    for (let i = 1; i <= MAX_UNDO + 10; i++) h = edit(h, { kind: 'move', id: 1, x: 0.5, y: i / 1000 });
    expect(h.past.length).toBe(MAX_UNDO);
  });

  it('starts from remembered hints', () => {
    const h = emptyHistory([{ x: 0.2, y: 0.3, color: '#abc' }]);
    expect(plain(h)).toEqual(['0.2,0.3,#abc']);
    expect(canUndo(h)).toBe(false);
    expect(edit(h, add(0.5, 0.5)).present.map((x) => x.id)).toEqual([1, 2]);
  });
});

describe('hintAt', () => {
  const list = run([add(0.1, 0.1), add(0.5, 0.5), add(0.52, 0.5)]).present;
  const cases: { name: string; x: number; y: number; id: number | undefined }[] = [
    { name: 'on a marker', x: 0.1, y: 0.1, id: 1 },
    { name: 'near a marker, within the radius', x: 0.1 + 5 / 400, y: 0.1, id: 1 },
    { name: 'too far from any', x: 0.3, y: 0.3, id: undefined },
    { name: 'between two close markers, the nearer', x: 0.515, y: 0.5, id: 3 },
    { name: 'exactly between two, the later (drawn on top)', x: 0.51, y: 0.5, id: 3 },
  ];
  it.each(cases)('$name', ({ x, y, id }) => {
    expect(hintAt(list, x, y, 400, 300, 8)?.id).toBe(id);
  });
});

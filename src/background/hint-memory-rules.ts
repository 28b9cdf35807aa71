// The rules of the colour editor's memory of applied edits (hint-memory.ts keeps it in storage):
// one edit per top-level site and image content hash, at most MAX_REMEMBERED (the oldest go first),
// malformed stored entries ignored. Pure.
import { isHintList } from '../shared/hints.ts';
import type { ColorHint } from '../shared/hints.ts';

export const MAX_REMEMBERED = 500;
export interface RememberedEdit {
  hints: ColorHint[];
  strength?: number;
  /** When it was applied (ms since the epoch): the oldest are dropped past MAX_REMEMBERED. */
  at: number;
}

export type Memory = Record<string, RememberedEdit>;

const slot = (partition: string, hash: string) => `${partition}\n${hash}`;

function isEdit(value: unknown): value is RememberedEdit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isHintList(v.hints) && typeof v.at === 'number' && (v.strength === undefined || typeof v.strength === 'number');
}

/** The stored memory with malformed entries left out (storage is not trusted to be as we wrote it). */
export function readMemory(raw: unknown): Memory {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => isEdit(v)));
}

/** The memory with one edit set (or, for no hints, removed), trimmed to MAX_REMEMBERED by age. */
export function withEdit(memory: Memory, partition: string, hash: string, edit: RememberedEdit): Memory {
  const next = { ...memory };
  delete next[slot(partition, hash)];
  if (edit.hints.length > 0) next[slot(partition, hash)] = edit;
  const entries = Object.entries(next);
  if (entries.length <= MAX_REMEMBERED) return next;
  entries.sort(([, a], [, b]) => b.at - a.at);
  return Object.fromEntries(entries.slice(0, MAX_REMEMBERED));
}

export function lookUp(memory: Memory, partition: string, hash: string): RememberedEdit | undefined {
  return memory[slot(partition, hash)];
}


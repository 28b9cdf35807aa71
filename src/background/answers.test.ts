import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, parsePortRequest } from '../shared/messages.ts';
import { refusal, replyId } from './answers.ts';

describe('every request is answered', () => {
  // [what arrived, the number its answer carries (port), the error]
  it.each<[string, unknown, number | undefined, string]>([
    ['nothing', undefined, undefined, 'invalid request'],
    ['a string', 'colorize', undefined, 'invalid request'],
    ['an unknown type', { type: 'steal-cookies' }, undefined, 'invalid request: steal-cookies'],
    ['a colorize without a source', { type: 'colorize', priority: 'user' }, undefined, 'invalid request: colorize'],
    ['a colorize with a URL of 10 kB', { type: 'colorize', priority: 'user', source: { kind: 'url', url: 'h'.repeat(10_000) } }, undefined, 'invalid request: colorize'],
    ['an envelope with a malformed request', { id: 7, request: { type: 'colorize', priority: 'now' } }, 7, 'invalid request: colorize'],
    ['an envelope with no request', { id: 8 }, 8, 'invalid request'],
    ['an envelope with a bad number', { id: -1, request: { type: 'page-site' } }, undefined, 'invalid request: page-site'],
    ['an envelope with a fractional number', { id: 1.5, request: {} }, undefined, 'invalid request'],
  ])('%s gets an error answer', (_name, message, id, error) => {
    expect(parseBackgroundRequest(message)).toBeNull();
    expect(parsePortRequest(message)).toBeNull();
    expect(refusal(message)).toEqual({ ok: false, error });
    expect(replyId(message)).toBe(id);
  });
});

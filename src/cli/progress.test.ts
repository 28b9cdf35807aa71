import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, Progress } from './progress.ts';

describe('progress', () => {
  it.each([
    [0, '0:00'],
    [1499, '0:01'],
    [61_000, '1:01'],
    [3_725_000, '1:02:05'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [0, 10, 0, '[----------] 0/10   0%'],
    [5, 10, 10_000, '[#####-----] 5/10  50%  ETA 0:10'],
    [9, 12, 90_000, '[########--] 9/12  75%  ETA 0:30'],
    [10, 10, 20_000, '[##########] 10/10 100%'],
  ])('formatProgress(%d, %d, %d ms)', (done, total, elapsed, text) => {
    expect(formatProgress(done, total, elapsed, 10)).toBe(text);
  });

  it('redraws one line on a terminal and writes messages above it', () => {
    const tty: string[] = [];
    const out: string[] = [];
    const progress = new Progress(2, { isTTY: true, write: (t: string) => tty.push(t) });
    progress.step('a.jpg');
    progress.log('a.jpg -> out/a.png', { write: (t: string) => out.push(t) });
    progress.step('b.jpg');
    progress.finish();
    expect(tty[0]).toMatch(/^\r\[#+-+\] 1\/2 {2}50%/);
    expect(tty).toContain('\r\x1b[2K');
    expect(tty.at(-1)).toBe('\r\x1b[2K');
    expect(out).toEqual(['a.jpg -> out/a.png\n']);
  });

  it('writes one line per file when not on a terminal (logs)', () => {
    const lines: string[] = [];
    const progress = new Progress(2, { isTTY: false, write: (t: string) => lines.push(t) });
    progress.step('a.jpg');
    progress.step('b.jpg');
    progress.finish();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/1\/2 .*a\.jpg\n$/);
    expect(lines[1]).toMatch(/2\/2 100% {2}b\.jpg\n$/);
  });
});

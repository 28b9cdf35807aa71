import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.ts';
import { planOutputs } from '../../src/cli/collect.ts';
import { formatDuration, formatProgress, Progress } from '../../src/cli/progress.ts';

describe('parseCliArgs', () => {
  it.each([
    [['--out', 'o', 'a.jpg'], { out: 'o', strength: 1, force: false, inputs: ['a.jpg'] }],
    [['-o', 'o', '-s', '0.5', '-f', 'a', 'b'], { out: 'o', strength: 0.5, force: true, inputs: ['a', 'b'] }],
    [['a.jpg', '--out=o', '--strength=1.5'], { out: 'o', strength: 1.5, force: false, inputs: ['a.jpg'] }],
    [['--out', 'o', '--strength', '0', 'dir/'], { out: 'o', strength: 0, force: false, inputs: ['dir/'] }],
    [['--out', 'o', '--model', 'm', 'x'], { out: 'o', strength: 1, force: false, inputs: ['x'], model: 'm' }],
    [['--out', 'o', '--hints', 'h.json', 'x'], { out: 'o', strength: 1, force: false, inputs: ['x'], hints: 'h.json' }],
  ])('%j runs with the right options', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual({ kind: 'run', options: { model: undefined, ...expected } });
  });

  it.each([[['--help']], [['-h', '--out', 'o']], [['a.jpg', '--help']]])('%j asks for help', (argv) => {
    expect(parseCliArgs(argv)).toEqual({ kind: 'help' });
  });

  it.each([
    [[], /--out DIR is required/],
    [['a.jpg'], /--out DIR is required/],
    [['--out', 'o'], /no input/],
    [['--out', 'o', '--strength', '2', 'a'], /0 to 1.5/],
    [['--out', 'o', '--strength=-0.1', 'a'], /0 to 1.5/],
    [['--out', 'o', '--strength', '-0.1', 'a'], /ambiguous/],
    [['--out', 'o', '--strength', 'lots', 'a'], /0 to 1.5/],
    [['--out', 'o', '--strength', '', 'a'], /0 to 1.5/],
    [['--out', 'o', '--colour', 'a'], /Unknown option/],
    [['--out'], /argument missing|requires|--out/],
    [['--out', 'o', 'a', '--hints'], /argument missing|requires|--hints/],
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });
});

describe('planOutputs', () => {
  const out = path.resolve('/tmp/out');
  it.each([
    ['plain names', ['/a/x.jpg', '/a/y.tif'], [], ['x.png', 'y.png']],
    ['same base name twice', ['/a/x.jpg', '/b/x.png', '/c/x.webp'], [], ['x.png', 'x-2.png', 'x-3.png']],
    ['never an input file', ['/tmp/out/x.png'], ['/tmp/out/x.png'], ['x-2.png']],
    ['a taken -2 moves on to -3', ['/tmp/out/x.png', '/tmp/out/x-2.png'], ['/tmp/out/x.png', '/tmp/out/x-2.png'], ['x-3.png', 'x-2-2.png']],
    ['dots in names', ['/a/scan.2024.01.tiff'], [], ['scan.2024.01.png']],
  ])('%s', (_name, inputs, inputPaths, expected) => {
    const jobs = planOutputs(inputs, out, new Set(inputPaths.map((p) => path.resolve(p))));
    expect(jobs.map((j) => path.relative(out, j.output))).toEqual(expected);
    expect(jobs.map((j) => j.input)).toEqual(inputs);
  });
});

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

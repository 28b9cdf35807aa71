import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args.ts';

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

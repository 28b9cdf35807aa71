import { describe, expect, it } from 'vitest';
import { census, Lifetime } from './lifetime.ts';

describe('Lifetime', () => {
  it('ends every listener and observer it holds at once, and counts them', () => {
    const target = new EventTarget();
    const heard: string[] = [];
    const disconnected: string[] = [];
    const before = census();
    const lifetime = new Lifetime();
    lifetime.listen(target, 'a', () => heard.push('a'));
    lifetime.listen(target, 'b', () => heard.push('b'), { capture: true });
    lifetime.hold({ disconnect: () => disconnected.push('observer') });
    expect(census()).toEqual({ listeners: before.listeners + 2, observers: before.observers + 1 });
    target.dispatchEvent(new Event('a'));
    lifetime.end();
    target.dispatchEvent(new Event('a'));
    target.dispatchEvent(new Event('b'));
    expect(heard).toEqual(['a']);
    expect(disconnected).toEqual(['observer']);
    expect(census()).toEqual(before);
  });

  it('takes nothing more once ended; a new one starts afresh', () => {
    const target = new EventTarget();
    const heard: string[] = [];
    const before = census();
    const first = new Lifetime();
    first.end();
    first.listen(target, 'a', () => heard.push('first'));
    let disconnected = false;
    first.hold({ disconnect: () => (disconnected = true) });
    expect(disconnected).toBe(true);
    expect(census()).toEqual(before);
    const second = new Lifetime();
    second.listen(target, 'a', () => heard.push('second'));
    target.dispatchEvent(new Event('a'));
    expect(heard).toEqual(['second']);
    second.end();
    expect(census()).toEqual(before);
  });
});

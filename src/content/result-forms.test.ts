import { describe, expect, it } from 'vitest';
import { blockedForm, formsFor } from './result-forms.ts';
import type { ResultForm } from './result-forms.ts';

describe('formsFor', () => {
  it.each<['img' | 'background', ResultForm[], ResultForm[]]>([
    ['img', [], ['blob', 'data', 'canvas']],
    ['img', ['blob'], ['data', 'canvas']],
    ['img', ['blob', 'data'], ['canvas']],
    ['img', ['data'], ['blob', 'canvas']],
    ['background', [], ['blob', 'data']],
    ['background', ['blob'], ['data']],
    // A CSS background has no canvas to fall back to: it keeps its original.
    ['background', ['blob', 'data'], []],
  ])('%s with %j blocked -> %j', (kind, blocked, forms) => {
    expect(formsFor(kind, new Set(blocked))).toEqual(forms);
  });
});

describe('blockedForm', () => {
  it.each<[string, string, ResultForm | null]>([
    ['blob', 'img-src', 'blob'],
    ['data', 'img-src', 'data'],
    ['blob:https://a.org/0c4e', 'img-src', 'blob'],
    ['data:image/png;base64,AAAA', 'img-src', 'data'],
    ['blob', 'script-src-elem', null],
    ['https://cdn.example/x.jpg', 'img-src', null],
    ['inline', 'style-src-attr', null],
    ['database', 'img-src', null],
  ])('%s (%s) -> %s', (uri, directive, form) => {
    expect(blockedForm(uri, directive)).toBe(form);
  });
});

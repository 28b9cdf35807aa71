import { describe, expect, it } from 'vitest';
import { blockedForm, DATA_URL_MAX_CHARS, dataFirst, formsFor } from './result-forms.ts';
import type { ResultForm } from './result-forms.ts';

describe('formsFor', () => {
  it.each<['img' | 'background', ResultForm[], boolean, ResultForm[]]>([
    ['img', [], true, ['data', 'blob', 'canvas']],
    ['img', ['data'], true, ['blob', 'canvas']],
    ['img', ['blob', 'data'], true, ['canvas']],
    ['img', ['blob'], true, ['data', 'canvas']],
    ['img', [], false, ['blob', 'data', 'canvas']],
    ['img', ['blob'], false, ['data', 'canvas']],
    ['background', [], true, ['data', 'blob']],
    ['background', ['data'], true, ['blob']],
    ['background', [], false, ['blob', 'data']],
    // A CSS background has no canvas to fall back to: it keeps its original.
    ['background', ['blob', 'data'], true, []],
  ])('%s with %j blocked, data first %s -> %j', (kind, blocked, preferData, forms) => {
    expect(formsFor(kind, new Set(blocked), preferData)).toEqual(forms);
  });

  // An image the page could not read: only the stand-ins in a closed shadow root, never a URL the page could fetch or draw.
  it.each<['img' | 'background', ResultForm[], ResultForm[]]>([
    ['img', [], ['shadow', 'canvas']],
    ['img', ['blob', 'data'], ['shadow', 'canvas']],
    ['background', [], []],
  ])('%s the page may not read, %j blocked -> %j', (kind, blocked, forms) => {
    expect(formsFor(kind, new Set(blocked), true, false)).toEqual(forms);
  });
});

describe('dataFirst', () => {
  const chromium = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
  const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
  it.each<[string, number, string, boolean]>([
    ['a usual result in Chromium', 100_000, chromium, true],
    ['at the limit', DATA_URL_MAX_CHARS, chromium, true],
    // Too long a data: URL to pass between processes (a right-click on it): a blob: URL first.
    ['past the limit', DATA_URL_MAX_CHARS + 1, chromium, false],
    // Firefox: a content script's data: image is another origin's to the page.
    ['Firefox', 100_000, firefox, false],
  ])('%s', (_, chars, userAgent, expected) => {
    expect(dataFirst(chars, userAgent)).toBe(expected);
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

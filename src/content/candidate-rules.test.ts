import { describe, expect, it } from 'vitest';
import { cssUrl, densityFor, isBigEnough, judgeCandidate, looksVector, pageMayRead, routeFor, singleBackgroundUrl, srcsetFor } from './candidate-rules.ts';
import type { CandidateFacts } from './candidate-rules.ts';

describe('singleBackgroundUrl', () => {
  it.each([
    ['url("https://a.org/x.jpg")', 'https://a.org/x.jpg'],
    ["url('https://a.org/x.jpg')", 'https://a.org/x.jpg'],
    ['url(https://a.org/x.jpg)', 'https://a.org/x.jpg'],
    ['  url( "a b.jpg" ) ', 'a b.jpg'],
    ['url("a\\"b.jpg")', 'a"b.jpg'],
    ['none', null],
    ['', null],
    ['url("")', null],
    ['linear-gradient(red, blue)', null],
    ['url("a.jpg"), url("b.jpg")', null],
    ['url("a.jpg"), linear-gradient(red, blue)', null],
    ['image-set("a.jpg" 1x)', null],
  ])('%j -> %j', (value, expected) => {
    expect(singleBackgroundUrl(value)).toBe(expected);
  });

  it('round-trips through cssUrl', () => {
    for (const url of ['blob:https://a.org/1-2', 'data:image/jpeg;base64,AA==', 'x"y\\z']) {
      expect(singleBackgroundUrl(cssUrl(url))).toBe(url);
    }
  });
});

describe('densityFor', () => {
  it.each([
    [800, 800, 1],
    [1600, 800, 2],
    [3072, 2000, 1.536],
    [1000, 3, 333.3333],
    [800, 0, 1],
  ])('result %i px over natural %i -> %s', (pixels, natural, density) => {
    expect(densityFor(pixels, natural)).toBe(density);
  });

  it('writes an x descriptor', () => {
    expect(srcsetFor('blob:https://a.org/1', 2)).toBe('blob:https://a.org/1 2x');
  });
});

describe('routeFor', () => {
  const page = 'https://www.loc.gov';
  it.each([
    ['https://www.loc.gov/a.jpg', 'direct'],
    ['https://tile.loc.gov/a.jpg', 'background'],
    ['http://www.loc.gov/a.jpg', 'background'],
    ['data:image/png;base64,AAAA', 'direct'],
    ['blob:https://www.loc.gov/123', 'direct'],
    ['chrome-extension://x/a.png', 'skip'],
    ['javascript:void(0)', 'skip'],
    ['not a url', 'skip'],
    ['https:///a.jpg', 'skip'],
    ['HTTPS://WWW.LOC.GOV/a.jpg', 'direct'],
    ['https://www.loc.gov:443/a.jpg', 'direct'],
    ['https://someone@www.loc.gov/a.jpg', 'direct'],
    ['https://www.loc.gov?a.jpg', 'direct'],
    ['https://www.loc.gov:8443/a.jpg', 'background'],
    ['https://www.loc.gov.example.org/a.jpg', 'background'],
    ['https://example.org/redirect?to=https://www.loc.gov/a.jpg', 'background'],
  ])('%s -> %s', (url, route) => {
    expect(routeFor(url, page)).toBe(route);
  });
});

describe('isBigEnough and looksVector', () => {
  it.each([
    [96, 96, true],
    [95, 400, false],
    [400, 95, false],
    [1, 1, false],
  ])('%ix%i -> %s', (w, h, ok) => expect(isBigEnough(w, h)).toBe(ok));

  it.each([
    ['https://a.org/logo.svg', true],
    ['https://a.org/logo.SVG?v=2', true],
    ['data:image/svg+xml;utf8,<svg/>', true],
    ['https://a.org/photo.jpg', false],
    ['https://a.org/svg/photo.jpg', false],
    ['https://a.org/logo.svgz', true],
    ['https://a.org/logo.svg#layer', true],
    ['https://a.org/logo.svg.jpg', false],
    ['https://logo.svg/', false],
    ['https://a.org/photo.jpg?as=.svg', false],
  ])('%s vector=%s', (url, vector) => expect(looksVector(url)).toBe(vector));
});

describe('pageMayRead', () => {
  const page = 'https://www.loc.gov';
  it.each<[string, boolean, boolean]>([
    ['https://www.loc.gov/pictures/a.jpg', false, true],
    ['https://www.loc.gov:443/pictures/a.jpg', false, true],
    ['data:image/jpeg;base64,AAAA', false, true],
    ['blob:https://www.loc.gov/0c4e', false, true],
    // Another origin: readable only with CORS asked for (the load fails without the server's consent).
    ['https://tile.loc.gov/a.jpg', false, false],
    ['https://tile.loc.gov/a.jpg', true, true],
    ['http://www.loc.gov/pictures/a.jpg', false, false],
    ['ftp://www.loc.gov/a.jpg', true, false],
  ])('%s (CORS asked: %s) -> %s', (url, cors, expected) => {
    expect(pageMayRead(url, page, cors)).toBe(expected);
  });
});

describe('judgeCandidate', () => {
  const page = 'https://www.loc.gov';
  const loaded = (w: number, h: number) => ({ complete: true, naturalWidth: w, naturalHeight: h });
  const img = (image: CandidateFacts['image'], box: [number, number], url: string | null): CandidateFacts => ({
    kind: 'img',
    image,
    box: { width: box[0], height: box[1] },
    url: () => url,
    pageOrigin: page,
  });
  const background = (url: string | null): CandidateFacts => ({ kind: 'background', image: null, box: { width: 300, height: 200 }, url: () => url, pageOrigin: page });
  it.each<[string, CandidateFacts, ReturnType<typeof judgeCandidate>]>([
    ['a loaded photo', img(loaded(800, 600), [400, 300], `${page}/a.jpg`), { next: 'ask', url: `${page}/a.jpg`, web: true }],
    ["the page's own data: image", img(loaded(800, 600), [400, 300], 'data:image/png;base64,AA'), { next: 'ask', url: 'data:image/png;base64,AA', web: false }],
    ['still loading', img({ complete: false, naturalWidth: 0, naturalHeight: 0 }, [400, 300], `${page}/a.jpg`), { next: 'wait-load' }],
    ['a tiny source, upscaled', img(loaded(20, 300), [400, 300], `${page}/a.jpg`), { next: 'skip', code: 'too-small', detail: 'tiny source' }],
    ['over 36 MP', img(loaded(8000, 6000), [400, 300], `${page}/a.jpg`), { next: 'skip', code: 'too-large', detail: '8000x6000' }],
    ['a small box for now', img(loaded(800, 600), [80, 60], `${page}/a.jpg`), { next: 'wait-size' }],
    ['vector art', img(loaded(800, 600), [400, 300], `${page}/a.svg`), { next: 'skip', code: 'not-raster', detail: `${page}/a.svg` }],
    ['no URL', img(loaded(800, 600), [400, 300], null), { next: 'skip', code: 'not-raster', detail: 'no URL' }],
    ['another site\'s photo', img(loaded(800, 600), [400, 300], 'https://tile.loc.gov/a.jpg'), { next: 'ask', url: 'https://tile.loc.gov/a.jpg', web: true }],
    ['a background of its own', background(`${page}/b.jpg`), { next: 'ask', url: `${page}/b.jpg`, web: true }],
    // No stand-in for a CSS background: another site's would have to be shown as a URL the page could read.
    ['another site\'s background', background('https://tile.loc.gov/b.jpg'), { next: 'skip', code: 'unreadable', detail: 'cross-origin background' }],
  ])('%s', (_, facts, verdict) => {
    expect(judgeCandidate(facts)).toEqual(verdict);
  });

  it('reads the URL only once the cheaper checks pass', () => {
    let reads = 0;
    judgeCandidate({ kind: 'background', image: null, box: { width: 20, height: 20 }, url: () => (reads++, 'x'), pageOrigin: page });
    expect(reads).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { cssUrl, densityFor, isBigEnough, looksVector, pageMayRead, routeFor, singleBackgroundUrl, srcsetFor } from './candidate-rules.ts';

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

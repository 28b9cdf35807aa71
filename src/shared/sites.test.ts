import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ARCHIVE_SITES,
  isSiteEnabled,
  normalizeHost,
  parseSiteList,
  setSiteEnabled,
  siteOfUrl,
} from './sites.ts';
import type { SiteRules } from './sites.ts';

const rules = (over: Partial<SiteRules> = {}): SiteRules => ({
  archiveSites: DEFAULT_ARCHIVE_SITES,
  siteOverrides: {},
  everywhere: false,
  ...over,
});

describe('normalizeHost', () => {
  it.each([
    ['loc.gov', 'loc.gov'],
    ['  WWW.Loc.GOV  ', 'www.loc.gov'],
    ['https://www.loc.gov/pictures/item/1/', 'www.loc.gov'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['archive.org/details/foo', 'archive.org'],
    ['archive.org:443', 'archive.org'],
    ['*.europeana.eu', 'europeana.eu'],
    ['example.com.', 'example.com'],
    ['', null],
    ['   ', null],
    ['not a host', null],
    ['javascript:alert(1)', null],
    ['a..b', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });
});

describe('siteOfUrl', () => {
  it.each([
    ['https://www.loc.gov/item/1', 'www.loc.gov'],
    ['http://localhost:3000/', 'localhost'],
    ['file:///tmp/a.html', null],
    ['about:blank', null],
    ['chrome-extension://abc/popup.html', null],
    ['garbage', null],
  ])('%s -> %s', (url, expected) => {
    expect(siteOfUrl(url)).toBe(expected);
  });
});

describe('isSiteEnabled with the default archive list', () => {
  it.each([
    ['www.loc.gov', true, 'archive-list'],
    ['loc.gov', true, 'archive-list'],
    ['tile.loc.gov', true, 'archive-list'],
    ['commons.wikimedia.org', true, 'archive-list'],
    ['en.wikipedia.org', false, 'default'],
    ['upload.wikimedia.org', false, 'default'],
    ['archive.org', true, 'archive-list'],
    ['ia800.us.archive.org', true, 'archive-list'],
    ['notarchive.org', false, 'default'],
    ['archive.org.evil.com', false, 'default'],
    ['www.flickr.com', true, 'archive-list'],
    ['digitalcollections.nypl.org', true, 'archive-list'],
    ['www.europeana.eu', true, 'archive-list'],
    ['trove.nla.gov.au', true, 'archive-list'],
    ['www.nationaalarchief.nl', true, 'archive-list'],
    ['gallica.bnf.fr', true, 'archive-list'],
    ['catalog.archives.gov', true, 'archive-list'],
    ['archives.gov', false, 'default'],
    ['example.com', false, 'default'],
  ])('%s -> %s (%s)', (host, enabled, reason) => {
    const decision = isSiteEnabled(host, rules());
    expect(decision.enabled).toBe(enabled);
    expect(decision.reason).toBe(reason);
  });

  it('says not-a-site for pages without a host', () => {
    expect(isSiteEnabled(null, rules({ everywhere: true }))).toEqual({ enabled: false, reason: 'not-a-site' });
  });
});

describe('isSiteEnabled precedence', () => {
  it.each<[string, Partial<SiteRules>, boolean, string]>([
    ['example.com', { everywhere: true }, true, 'everywhere'],
    ['example.com', { everywhere: true, siteOverrides: { 'example.com': 'off' } }, false, 'override'],
    ['www.loc.gov', { siteOverrides: { 'www.loc.gov': 'off' } }, false, 'override'],
    ['a.example.com', { siteOverrides: { 'example.com': 'on' } }, true, 'override'],
    // The most specific override wins over a parent domain's.
    ['a.example.com', { siteOverrides: { 'example.com': 'on', 'a.example.com': 'off' } }, false, 'override'],
    ['b.example.com', { siteOverrides: { 'example.com': 'on', 'a.example.com': 'off' } }, true, 'override'],
    ['www.loc.gov', { archiveSites: [] }, false, 'default'],
  ])('%s with %j -> %s', (host, over, enabled, reason) => {
    const decision = isSiteEnabled(host, rules(over));
    expect([decision.enabled, decision.reason]).toEqual([enabled, reason]);
  });
});

describe('setSiteEnabled', () => {
  it.each<[string, string, boolean, Partial<SiteRules>, Record<string, 'on' | 'off'>]>([
    ['an archive site off', 'www.loc.gov', false, {}, { 'www.loc.gov': 'off' }],
    ['an archive site back on drops the override', 'www.loc.gov', true, { siteOverrides: { 'www.loc.gov': 'off' } }, {}],
    ['an archive site on is no override', 'www.loc.gov', true, {}, {}],
    ['an ordinary site on', 'example.com', true, {}, { 'example.com': 'on' }],
    ['an ordinary site back off drops the override', 'example.com', false, { siteOverrides: { 'example.com': 'on' } }, {}],
    ['other sites\' overrides are kept', 'b.org', true, { siteOverrides: { 'a.org': 'on' } }, { 'a.org': 'on', 'b.org': 'on' }],
    ['a subdomain off under an overridden parent', 'x.a.org', false, { siteOverrides: { 'a.org': 'on' } }, { 'a.org': 'on', 'x.a.org': 'off' }],
    ['off everywhere-on', 'example.com', false, { everywhere: true }, { 'example.com': 'off' }],
  ])('%s', (_name, host, enabled, over, expected) => {
    const overrides = setSiteEnabled(host, enabled, rules(over));
    expect(overrides).toEqual(expected);
    expect(isSiteEnabled(host, rules({ ...over, siteOverrides: overrides })).enabled).toBe(enabled);
  });

  it('is idempotent', () => {
    const once = setSiteEnabled('example.com', true, rules());
    expect(setSiteEnabled('example.com', true, rules({ siteOverrides: once }))).toEqual(once);
  });
});

describe('parseSiteList', () => {
  it('normalizes, dedupes and reports junk', () => {
    expect(parseSiteList('loc.gov\nhttps://www.LOC.gov/x, loc.gov\n\n  \nbad host\narchive.org')).toEqual({
      sites: ['loc.gov', 'www.loc.gov', 'archive.org'],
      rejected: ['bad host'],
    });
  });
});

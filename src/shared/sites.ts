// Per-site enablement: which hostnames get automatic colorization. Pure, so it is table-tested.

/** Archive and museum sites where old photographs are the norm; users can edit the list. */
export const DEFAULT_ARCHIVE_SITES: readonly string[] = [
  'www.loc.gov',
  'loc.gov',
  'commons.wikimedia.org',
  'archive.org',
  'flickr.com',
  'digitalcollections.nypl.org',
  'europeana.eu',
  'trove.nla.gov.au',
  'nationaalarchief.nl',
  'gallica.bnf.fr',
  'catalog.archives.gov',
];

export type SiteOverride = 'on' | 'off';

export interface SiteRules {
  archiveSites: readonly string[];
  siteOverrides: Readonly<Record<string, SiteOverride>>;
  everywhere: boolean;
}

export type SiteDecisionReason = 'override' | 'archive-list' | 'everywhere' | 'default' | 'not-a-site';

export interface SiteDecision {
  enabled: boolean;
  reason: SiteDecisionReason;
  /** The list entry or override key that decided, when one did. */
  matched?: string;
}

/**
 * Normalizes what a user typed or a URL into a bare hostname: "https://WWW.Loc.gov:8080/x" ->
 * "www.loc.gov". Returns null for anything that is not a plausible hostname.
 */
export function normalizeHost(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    text = text.replace(/^\*\./, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  text = text.replace(/\.+$/, '');
  if (text.startsWith('[') && text.endsWith(']')) return text; // IPv6 literal
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(text)) return null;
  return text;
}

/** True when host is entry or one of its subdomains ("a.loc.gov" matches "loc.gov"). */
export function hostMatches(host: string, entry: string): boolean {
  return host === entry || host.endsWith('.' + entry);
}

/** The hostname of a page URL, or null for pages that are not web sites (file:, about:, ...). */
export function siteOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return normalizeHost(parsed.hostname);
  } catch {
    return null;
  }
}

/**
 * Decides whether auto-colorize is on for a hostname. The most specific override wins (the user's
 * explicit toolbar choice), then "colorize everywhere", then the archive list.
 */
export function isSiteEnabled(host: string | null, rules: SiteRules): SiteDecision {
  if (!host) return { enabled: false, reason: 'not-a-site' };
  let best: string | undefined;
  for (const key of Object.keys(rules.siteOverrides)) {
    if (hostMatches(host, key) && (best === undefined || key.length > best.length)) best = key;
  }
  if (best !== undefined) {
    return { enabled: rules.siteOverrides[best] === 'on', reason: 'override', matched: best };
  }
  if (rules.everywhere) return { enabled: true, reason: 'everywhere' };
  const entry = rules.archiveSites.find((site) => hostMatches(host, site));
  if (entry !== undefined) return { enabled: true, reason: 'archive-list', matched: entry };
  return { enabled: false, reason: 'default' };
}

/**
 * The overrides after the toolbar's switch sets `host` on or off: the choice is remembered for that
 * exact host, unless it is what the rules would say anyway (then the override is dropped, so
 * switching off and on again leaves the settings as they were). Pure.
 */
export function setSiteEnabled(
  host: string,
  enabled: boolean,
  rules: SiteRules,
): Record<string, SiteOverride> {
  const overrides: Record<string, SiteOverride> = { ...rules.siteOverrides };
  delete overrides[host];
  const without = isSiteEnabled(host, { ...rules, siteOverrides: overrides });
  if (without.enabled !== enabled) overrides[host] = enabled ? 'on' : 'off';
  return overrides;
}

/** Parses the options page's site list (one per line, commas allowed), dropping junk and repeats. */
export function parseSiteList(text: string): { sites: string[]; rejected: string[] } {
  const sites: string[] = [];
  const rejected: string[] = [];
  for (const raw of text.split(/[\n,]+/)) {
    if (!raw.trim()) continue;
    const host = normalizeHost(raw);
    if (host === null) rejected.push(raw.trim());
    else if (!sites.includes(host)) sites.push(host);
  }
  return { sites, rejected };
}

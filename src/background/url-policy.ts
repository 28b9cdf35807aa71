// Which image URLs the background may fetch on behalf of a page. Every URL in a message is
// untrusted: a page (or a frame in it) names the image, so without this rule any page could make
// the extension reach the user's own network (routers, NAS boxes, localhost services) with the
// extension's host access. Pure: the table in url-policy.test.ts is the rule's specification.
//
// Addresses are read with the WHATWG URL parser first, which turns every spelling of an IPv4
// address (127.1, 0x7f.0.0.1, 2130706433, 0177.0.0.1) into the dotted form and every IPv6 one
// into its canonical form, the same way the browser's own fetch does; ipaddr.js then names the
// address's range.
import ipaddr from 'ipaddr.js';

export type HostKind = 'public' | 'private';

export type UrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

/** Names that only mean something on the user's own machine or network. */
const PRIVATE_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'lan', 'localdomain'];

/** Hosts that a page could only show from the user's side of the network. */
export function hostKind(hostname: string): HostKind {
  let host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (ipaddr.isValid(host)) return addressKind(ipaddr.parse(host));
  if (host === '' || !host.includes('.')) return 'private'; // a single label resolves via the local search domain
  return PRIVATE_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`)) ? 'private' : 'public';
}

function addressKind(address: ipaddr.IPv4 | ipaddr.IPv6): HostKind {
  const range = address.range();
  if (address.kind() === 'ipv4') return range === 'unicast' ? 'public' : 'private';
  if (range === 'unicast') return 'public';
  const parts = (address as ipaddr.IPv6).parts;
  // Forms that carry an IPv4 address (mapped, translated, NAT64, 6to4): that address decides.
  const embedded = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return addressKind(embedded(parts[6], parts[7]));
  if (range === '6to4') return addressKind(embedded(parts[1], parts[2]));
  return 'private'; // loopback, unspecified, unique local, link-local, multicast, Teredo, reserved
}

/** The kind of the page's host; a page whose URL is missing or not http(s) counts as public (strictest). */
export function pageKind(pageUrl: string | undefined): HostKind {
  const page = parse(pageUrl ?? '');
  return page && /^https?:$/.test(page.protocol) ? hostKind(page.hostname) : 'public';
}

/**
 * Whether the background may fetch `url` for a content script whose top-level page is `pageUrl`:
 * web images over http(s) and inline data:image URLs only; an address on the user's side of the
 * network only when the page itself is on such a host (a NAS's own gallery keeps working).
 */
export function checkImageUrl(url: string, pageUrl: string | undefined): UrlVerdict {
  const target = parse(url);
  if (!target) return { ok: false, reason: 'not a URL' };
  if (target.protocol === 'data:') {
    return /^data:image\//i.test(url) ? { ok: true, url } : { ok: false, reason: 'not an image data: URL' };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { ok: false, reason: `not a web URL (${target.protocol})` };
  if (target.username || target.password) return { ok: false, reason: 'URL with credentials' };
  if (hostKind(target.hostname) === 'private' && pageKind(pageUrl) === 'public') {
    return { ok: false, reason: `private address (${target.hostname}) named by a public page` };
  }
  return { ok: true, url: target.href };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

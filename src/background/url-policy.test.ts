import { describe, expect, it } from 'vitest';
import { checkImageUrl, hostKind } from './url-policy.ts';

const PUBLIC_PAGE = 'https://www.loc.gov/pictures/item/1/';
const NAS_PAGE = 'http://nas.local:5000/photos/';

// [image URL, allowed for a public page, allowed for a page on the user's own network]
const CASES: [string, boolean, boolean][] = [
  // public hosts and addresses
  ['https://tile.loc.gov/image.jpg', true, true],
  ['http://photos.example/a.jpg', true, true],
  ['https://93.184.215.14/a.jpg', true, true],
  ['https://[2606:4700::6810:84e5]/a.jpg', true, true],
  ['https://[::ffff:5db8:d70e]/a.jpg', true, true], // IPv4-mapped public address
  ['https://[2002:5db8:d70e::1]/a.jpg', true, true], // 6to4 of a public address
  ['https://[64:ff9b::5db8:d70e]/a.jpg', true, true], // NAT64 of a public address
  ['https://local.example.com/a.jpg', true, true], // "local" as a label, not the suffix
  ['https://internal.com/a.jpg', true, true],
  ['data:image/png;base64,iVBORw0KGgo=', true, true],
  // loopback in every IPv4 spelling the URL parser accepts
  ['http://127.0.0.1/a.jpg', false, true],
  ['http://127.1/a.jpg', false, true],
  ['http://127.0.1/a.jpg', false, true],
  ['http://0x7f.0.0.1/a.jpg', false, true],
  ['http://0x7f000001/a.jpg', false, true],
  ['http://2130706433/a.jpg', false, true],
  ['http://0177.0.0.1/a.jpg', false, true],
  ['http://127.255.255.254:8080/a.jpg', false, true],
  ['http://0.0.0.0/a.jpg', false, true],
  ['http://0/a.jpg', false, true],
  // private, link-local, CGNAT and other non-public IPv4
  ['http://10.0.0.5/a.jpg', false, true],
  ['http://172.16.0.1/a.jpg', false, true],
  ['http://172.31.255.255/a.jpg', false, true],
  ['http://192.168.1.1/a.jpg', false, true],
  ['http://169.254.169.254/latest/meta-data', false, true],
  ['http://100.64.0.1/a.jpg', false, true],
  ['http://100.127.255.255/a.jpg', false, true],
  ['http://224.0.0.1/a.jpg', false, true],
  ['http://255.255.255.255/a.jpg', false, true],
  // IPv6 literals
  ['http://[::1]/a.jpg', false, true],
  ['http://[::]/a.jpg', false, true],
  ['http://[::ffff:127.0.0.1]/a.jpg', false, true],
  ['http://[::ffff:7f00:1]/a.jpg', false, true],
  ['http://[::ffff:192.168.0.1]/a.jpg', false, true],
  ['http://[::ffff:0:a00:1]/a.jpg', false, true], // IPv4-translated 10.0.0.1
  ['http://[64:ff9b::a9fe:a9fe]/a.jpg', false, true], // NAT64 of 169.254.169.254
  ['http://[2002:7f00:1::]/a.jpg', false, true], // 6to4 of loopback
  ['http://[fc00::1]/a.jpg', false, true],
  ['http://[fd12:3456:789a::1]/a.jpg', false, true],
  ['http://[fe80::1]/a.jpg', false, true],
  ['http://[febf::1]/a.jpg', false, true],
  ['http://[ff02::1]/a.jpg', false, true],
  // names of the user's own machine and network
  ['http://localhost/a.jpg', false, true],
  ['http://LOCALHOST./a.jpg', false, true],
  ['http://app.localhost:3000/a.jpg', false, true],
  ['http://nas.local/a.jpg', false, true],
  ['http://printer.local./a.jpg', false, true],
  ['http://wiki.corp.internal/a.jpg', false, true],
  ['http://router.home.arpa/a.jpg', false, true],
  ['http://box.lan/a.jpg', false, true],
  ['http://intranet/a.jpg', false, true],
  // never fetched, whatever the page
  ['file:///etc/passwd', false, false],
  ['ftp://photos.example/a.jpg', false, false],
  ['blob:https://photos.example/1234', false, false],
  ['chrome-extension://abc/model.json', false, false],
  ['data:text/html,<p>hi', false, false],
  ['https://user:secret@photos.example/a.jpg', false, false],
  ['not a url', false, false],
  ['', false, false],
];

describe('checkImageUrl', () => {
  it.each(CASES)('%s: public page %s, private page %s', (url, fromPublic, fromPrivate) => {
    expect(checkImageUrl(url, PUBLIC_PAGE).ok).toBe(fromPublic);
    expect(checkImageUrl(url, NAS_PAGE).ok).toBe(fromPrivate);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['chrome://newtab/', false],
    ['file:///home/me/page.html', false],
    ['http://192.168.0.10/gallery', true],
    ['http://[::1]:8080/', true],
    ['https://www.loc.gov/', false],
  ])('page %j may name a private address: %s', (page, allowed) => {
    expect(checkImageUrl('http://10.1.2.3/a.jpg', page).ok).toBe(allowed);
  });

  it('gives the parsed form of an allowed URL and a reason for a refused one', () => {
    expect(checkImageUrl('HTTP://Photos.Example/a b.jpg', PUBLIC_PAGE)).toEqual({ ok: true, url: 'http://photos.example/a%20b.jpg' });
    expect(checkImageUrl('http://0x7f.1/x', PUBLIC_PAGE)).toEqual({ ok: false, reason: 'private address (127.0.0.1) named by a public page' });
  });
});

describe('hostKind', () => {
  it.each([
    ['example.com', 'public'],
    ['8.8.8.8', 'public'],
    ['[2001:4860:4860::8888]', 'public'],
    ['127.0.0.1', 'private'],
    ['[::1]', 'private'],
    ['foo.localhost', 'private'],
    ['', 'private'],
  ])('%s is %s', (host, kind) => expect(hostKind(host)).toBe(kind));
});

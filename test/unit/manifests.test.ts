// The two manifests the build writes: what each browser requires, and no more permissions than the
// extension uses.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_OFF, ICON_ON } from '../../src/background/badge.ts';
// @ts-expect-error plain JavaScript build helper, no type declarations
import { chromeManifest, firefoxManifest, GECKO_ID } from '../../scripts/manifests.mjs';

const root = resolve(import.meta.dirname, '../..');
const base = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
const chrome = chromeManifest(base, '1.2.3');
const firefox = firefoxManifest(base, '1.2.3');

describe('manifests', () => {
  it('Chrome: MV3 service worker, wasm allowed by CSP and nothing else', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toBe('1.2.3');
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.content_security_policy).toEqual({
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    });
  });

  it('Firefox: event page, gecko id, no Chrome-only keys', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.content_security_policy).toEqual(chrome.content_security_policy);
  });

  it('asks only for the permissions the code uses', () => {
    expect(base.permissions.sort()).toEqual(['contextMenus', 'storage']);
    // Web pages over http and https only: no file:, ftp: or other schemes (SECURITY.md).
    expect(base.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(base.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], all_frames: true, run_at: 'document_idle' },
    ]);
    for (const manifest of [chrome, firefox]) expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|file:|ftp:/);
  });

  it('the toolbar button opens the popup; names and titles come from the catalog', () => {
    for (const manifest of [chrome, firefox]) {
      expect(manifest.action.default_popup).toBe('popup.html');
      expect(manifest).not.toHaveProperty('browser_action');
      expect(manifest.default_locale).toBe('en');
      expect(manifest.name).toBe('__MSG_extName__');
      expect(existsSync(resolve(root, '_locales', manifest.default_locale, 'messages.json'))).toBe(true);
    }
  });

  it('every file the manifest names is built or committed', () => {
    const built = new Set(['background.js', 'content.js', 'options.html', 'popup.html']);
    const named = [
      base.background.service_worker,
      ...base.content_scripts.flatMap((script: { js: string[] }) => script.js),
      base.options_ui.page,
      base.action.default_popup,
      // The toolbar's two sets, which the background switches between per tab.
      ...Object.values(ICON_ON),
      ...Object.values(ICON_OFF),
      ...Object.values(base.icons as Record<string, string>),
      ...Object.values(base.action.default_icon as Record<string, string>),
    ];
    for (const file of named) {
      const source = file.endsWith('.html') || file.startsWith('icons/') ? resolve(root, 'src/ui', file) : undefined;
      expect(built.has(file) || (source !== undefined && existsSync(source)), file).toBe(true);
    }
  });
});

// Right-click entries on images. The handler is exported (and exposed on the worker's global by
// index.ts) because a test cannot click a native context menu.
import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { sendToTab } from '../shared/messaging.ts';

export const MENU_COLORIZE = 'recolor-colorize';
export const MENU_ORIGINAL = 'recolor-show-original';

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_COLORIZE, title: 'Colorize this image', contexts: ['image'] });
  browser.contextMenus.create({ id: MENU_ORIGINAL, title: 'Show original', contexts: ['image'] });
}

export interface MenuClick {
  menuItemId: string | number;
  srcUrl?: string;
  frameId?: number;
}

/** Forwards the click to the content script of the frame the image is in. */
export async function handleMenuClick(
  info: MenuClick | Menus.OnClickData,
  tab: Pick<Tabs.Tab, 'id'> | undefined,
): Promise<{ ok: boolean; error?: string }> {
  if (tab?.id === undefined || !info.srcUrl) return { ok: false, error: 'no tab or image' };
  const frameId = info.frameId ?? 0;
  try {
    if (info.menuItemId === MENU_COLORIZE) {
      return await sendToTab(tab.id, { type: 'menu-colorize', srcUrl: info.srcUrl }, frameId);
    }
    if (info.menuItemId === MENU_ORIGINAL) {
      return await sendToTab(tab.id, { type: 'menu-show-original', srcUrl: info.srcUrl }, frameId);
    }
    return { ok: false, error: `unknown menu item ${String(info.menuItemId)}` };
  } catch (error) {
    // No content script in that frame (a browser page, a frame still loading).
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

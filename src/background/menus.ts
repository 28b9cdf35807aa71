// Right-click entries: on images ("Colorize this image", or "Show original" on one we colorized)
// and on the toolbar button ("Show originals on this page", and "Options" where the browser has no
// entry of its own). The click handler is exported (and exposed on the worker's global by index.ts)
// because a test cannot click a native context menu.
import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { sendToTab } from '../shared/messaging.ts';
import {
  imageMenus,
  MENU_COLORIZE,
  MENU_EDIT,
  MENU_OPTIONS,
  MENU_ORIGINAL,
  MENU_PAGE_ORIGINALS,
  MenuUpdates,
  pageOriginalsMenu,
} from './menu-state.ts';
import type { MenuProps } from './menu-state.ts';

export { MENU_COLORIZE, MENU_EDIT, MENU_OPTIONS, MENU_ORIGINAL, MENU_PAGE_ORIGINALS };

const updates = new MenuUpdates((id, props) => browser.contextMenus.update(id, props));
/** What the image entries were last set for, for tests and debugging. */
let imageMenusFor = false;

/** Chrome's menu for the toolbar button has an "Options" entry of its own; Firefox's has not. */
function browserHasOptionsEntry(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
}

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const create = (id: string, title: string, contexts: Menus.ContextType[], props: MenuProps & { type?: Menus.ItemType } = {}) =>
    browser.contextMenus.create({ id, title, contexts, ...props });
  for (const [id, props] of imageMenus(false)) {
    create(id, browser.i18n.getMessage(id === MENU_COLORIZE ? 'menuColorize' : 'menuShowOriginal'), ['image'], props);
  }
  create(MENU_EDIT, browser.i18n.getMessage('editOpen'), ['image']);
  create(MENU_PAGE_ORIGINALS, browser.i18n.getMessage('menuPageOriginals'), ['action'], {
    type: 'checkbox',
    ...pageOriginalsMenu({ colorized: 0, showingOriginals: false }),
  });
  if (!browserHasOptionsEntry()) create(MENU_OPTIONS, browser.i18n.getMessage('menuOptions'), ['action']);
}

/**
 * Sets the image entries for the image under the pointer. The content script says so when the
 * pointer enters or leaves a colorized image: a 'contextmenu' event comes too late, since Chromium
 * builds the menu as soon as the page has seen that event.
 */
export async function setImageMenus(showsColorized: boolean): Promise<void> {
  imageMenusFor = showsColorized;
  await Promise.all(imageMenus(showsColorized).map(([id, props]) => updates.set(id, props)));
}

export function imageMenuState(): { showsColorized: boolean } {
  return { showsColorized: imageMenusFor };
}

/** Ticks "Show originals on this page" for the tab in front. */
export async function setPageMenu(status: { colorized: number; showingOriginals: boolean }): Promise<void> {
  await updates.set(MENU_PAGE_ORIGINALS, pageOriginalsMenu(status));
}

export interface MenuClick {
  menuItemId: string | number;
  srcUrl?: string;
  frameId?: number;
}

export interface MenuContext {
  /** Sets the tab's toolbar button (and its menu) from what is known now. */
  refresh(tabId: number): Promise<void>;
}

/** Forwards an image entry to the content script of the frame the image is in; a toolbar entry to the tab. */
export async function handleMenuClick(
  info: MenuClick | Menus.OnClickData,
  tab: Pick<Tabs.Tab, 'id'> | undefined,
  context: MenuContext,
): Promise<{ ok: boolean; error?: string }> {
  try {
    if (info.menuItemId === MENU_OPTIONS) {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    }
    if (tab?.id === undefined) return { ok: false, error: 'no tab' };
    if (info.menuItemId === MENU_PAGE_ORIGINALS) {
      // The browser ticked or unticked the checkbox itself; the page's next report (or, where
      // there is no content script to answer, the refresh) sets it to what the page shows.
      updates.forget(MENU_PAGE_ORIGINALS);
      try {
        // Asked, not taken from the last report: that may be on its way still.
        const status = await sendToTab(tab.id, { type: 'get-page-status' }, 0);
        await sendToTab(tab.id, { type: 'set-show-originals', show: !status.showingOriginals });
      } finally {
        await context.refresh(tab.id);
      }
      return { ok: true };
    }
    if (!info.srcUrl) return { ok: false, error: 'no image' };
    const frameId = info.frameId ?? 0;
    if (info.menuItemId === MENU_COLORIZE) {
      return await sendToTab(tab.id, { type: 'menu-colorize', srcUrl: info.srcUrl }, frameId);
    }
    if (info.menuItemId === MENU_ORIGINAL) {
      return await sendToTab(tab.id, { type: 'menu-show-original', srcUrl: info.srcUrl }, frameId);
    }
    if (info.menuItemId === MENU_EDIT) {
      return await sendToTab(tab.id, { type: 'menu-edit-colors', srcUrl: info.srcUrl }, frameId);
    }
    return { ok: false, error: `unknown menu item ${String(info.menuItemId)}` };
  } catch (error) {
    // No content script in that frame (a browser page, a frame still loading).
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

// Which menu entries are offered, as pure functions of what the content script and the tab report,
// and an update filter so that only changes reach the browser. No browser API here (unit-tested).

export const MENU_COLORIZE = 'recolor-colorize';
export const MENU_ORIGINAL = 'recolor-show-original';
/** "Edit colors…": on every image (one not colorized yet is colorized first). */
export const MENU_EDIT = 'recolor-edit-colors';
/** On the toolbar button's own menu. */
export const MENU_PAGE_ORIGINALS = 'recolor-page-originals';
export const MENU_OPTIONS = 'recolor-options';

export interface MenuProps {
  visible?: boolean;
  checked?: boolean;
  enabled?: boolean;
}

/**
 * The image entries for the image under the pointer: one that shows our colorized result offers
 * "Show original"; any other image (not ours, or ours showing its original) "Colorize this image".
 */
export function imageMenus(showsColorized: boolean): Array<[string, MenuProps]> {
  return [
    [MENU_COLORIZE, { visible: !showsColorized }],
    [MENU_ORIGINAL, { visible: showsColorized }],
  ];
}

/** "Show originals on this page": ticked while the page shows them; only useful once there is something to show. */
export function pageOriginalsMenu(status: { colorized: number; showingOriginals: boolean }): MenuProps {
  return { checked: status.showingOriginals, enabled: status.colorized > 0 || status.showingOriginals };
}

/**
 * Passes on only updates that change something: hover reports and tab status reports come often,
 * and each update is a call into the browser. After a worker restart nothing is known (the browser
 * kept the menus), so the first update of each entry always goes through; a failed one is retried.
 */
export class MenuUpdates {
  private readonly last = new Map<string, string>();

  constructor(private readonly apply: (id: string, props: MenuProps) => Promise<unknown>) {}

  /** The browser changed the entry itself (a checkbox ticks on click): the next update goes through. */
  forget(id: string): void {
    this.last.delete(id);
  }

  async set(id: string, props: MenuProps): Promise<void> {
    const key = JSON.stringify(props);
    if (this.last.get(id) === key) return;
    this.last.set(id, key);
    try {
      await this.apply(id, props);
    } catch {
      this.last.delete(id);
    }
  }
}

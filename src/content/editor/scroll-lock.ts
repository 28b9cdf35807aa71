// The editor is modal: a wheel or a finger moving over it must not scroll the page behind. Such an
// event is let through only where a part inside the editor (its side panel) can itself scroll that
// way; everywhere else its default (the page's scroll) is cancelled. The panel's CSS
// `overscroll-behavior: contain` (editor-css.ts) keeps its own scroll from running on into the page.

/** What decides whether a box scrolls: its scroll position, sizes and overflow style. */
export interface ScrollBox {
  scrollTop: number;
  scrollLeft: number;
  scrollHeight: number;
  scrollWidth: number;
  clientHeight: number;
  clientWidth: number;
  overflowX: string;
  overflowY: string;
}

const SCROLLS = new Set(['auto', 'scroll', 'overlay']);

/** Whether one axis of a box moves for a delta (positive: down or right). */
function moves(delta: number, overflow: string, position: number, content: number, view: number): boolean {
  if (delta === 0 || !SCROLLS.has(overflow) || content - view < 1) return false;
  // Fractional positions on zoomed or high-density screens: within a pixel of the end is the end.
  return delta > 0 ? position + view < content - 1 : position > 0;
}

/** Whether one of the boxes under the pointer (any order) scrolls for a move of (dx, dy). */
export function scrollsInside(boxes: ScrollBox[], dx: number, dy: number): boolean {
  return boxes.some(
    (box) =>
      moves(dy, box.overflowY, box.scrollTop, box.scrollHeight, box.clientHeight) ||
      moves(dx, box.overflowX, box.scrollLeft, box.scrollWidth, box.clientWidth),
  );
}

/** The elements an event passed through inside `container`, with what scrolling needs of them. */
function boxesOf(event: Event, container: HTMLElement): ScrollBox[] {
  const boxes: ScrollBox[] = [];
  for (const node of event.composedPath()) {
    if (node === container) break;
    if (!(node instanceof HTMLElement)) continue;
    const { overflowX, overflowY } = getComputedStyle(node);
    const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = node;
    boxes.push({ scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth, overflowX, overflowY });
  }
  return boxes;
}

/** Cancels the page's scroll for wheels and single-finger moves over `container` that nothing inside it takes. */
export function holdPageScroll(container: HTMLElement): void {
  container.addEventListener(
    'wheel',
    (event) => {
      if (!scrollsInside(boxesOf(event, container), event.deltaX, event.deltaY)) event.preventDefault();
    },
    { passive: false },
  );
  let last: { x: number; y: number } | undefined;
  const at = (event: TouchEvent) => (event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : undefined);
  container.addEventListener('touchstart', (event) => (last = at(event)), { passive: true });
  container.addEventListener(
    'touchmove',
    (event) => {
      const now = at(event);
      if (!now || !last) return; // two fingers: a pinch, the browser's zoom
      // The finger moving up scrolls content down.
      const [dx, dy] = [last.x - now.x, last.y - now.y];
      last = now;
      if (!scrollsInside(boxesOf(event, container), dx, dy)) event.preventDefault();
    },
    { passive: false },
  );
}

// Elements the content script puts in the page's DOM itself (the hover control's hosts, the
// stand-ins' hosts), remembered here without any name or attribute a page could see, so that the
// scanner does not look at them as the page's own new content (each look costs a layout read).
const own = new WeakSet<Node>();

export function markOwn<T extends Node>(node: T): T {
  own.add(node);
  return node;
}

export function isOwn(node: Node): boolean {
  return own.has(node);
}

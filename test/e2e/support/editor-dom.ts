// The colour editor from outside: it lives in a closed shadow root, which a page's script (and
// Playwright's selectors) cannot enter, so the tests find its parts as DevTools does (CDP's DOM
// domain, which closed roots do not hide) and use them as a user does: the mouse at a part's box,
// the keyboard on what has focus. The one thing set by script is the native colour picker's value
// (its dialog is the browser's own), as Playwright's fill() would for an <input type=color>.
import type { CDPSession, Page } from '@playwright/test';

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface Part {
  nodeId: number;
  name: string;
  attributes: Record<string, string>;
  text: string;
}

function attributesOf(node: DomNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) out[list[i]] = list[i + 1];
  return out;
}

function textOf(node: DomNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

export class EditorDom {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<EditorDom> {
    return new EditorDom(page, await page.context().newCDPSession(page));
  }

  /** Every element inside shadow roots under a host that holds a role=dialog element (the editor). */
  async parts(): Promise<Part[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: Part[] = [];
    const walk = (node: DomNode, inShadow: boolean) => {
      if (inShadow && node.nodeName !== '#text') found.push({ nodeId: node.nodeId, name: node.nodeName.toLowerCase(), attributes: attributesOf(node), text: textOf(node).trim() });
      for (const child of node.children ?? []) walk(child, inShadow);
      for (const shadow of node.shadowRoots ?? []) walk(shadow, true);
    };
    walk(root, false);
    const dialog = found.findIndex((p) => p.attributes.role === 'dialog');
    return dialog < 0 ? [] : found.slice(dialog);
  }

  async isOpen(): Promise<boolean> {
    return (await this.parts()).length > 0;
  }

  async waitOpen(timeout = 60_000): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await this.isOpen())) {
      if (Date.now() > end) throw new Error('the editor did not open');
      await this.page.waitForTimeout(100);
    }
  }

  async part(match: (p: Part) => boolean, what: string): Promise<Part> {
    const part = (await this.parts()).find(match);
    if (!part) throw new Error(`no ${what} in the editor`);
    return part;
  }

  button(text: string): Promise<Part> {
    return this.part((p) => p.name === 'button' && p.text === text, `button "${text}"`);
  }

  /** The content box of a part, in page CSS pixels. */
  async box(part: Part): Promise<{ x: number; y: number; width: number; height: number }> {
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId: part.nodeId })) as { model: { content: number[] } };
    const [x1, y1, x2, , , y3] = model.content;
    return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
  }

  /** A left click (or right, for a context menu) on the photo at fractions of its width and height. */
  async clickPhoto(x: number, y: number, button: 'left' | 'right' = 'left'): Promise<void> {
    const canvas = await this.box(await this.part((p) => p.name === 'canvas', 'canvas'));
    await this.page.mouse.click(canvas.x + x * canvas.width, canvas.y + y * canvas.height, { button });
  }

  async drag(from: [number, number], to: [number, number]): Promise<void> {
    const canvas = await this.box(await this.part((p) => p.name === 'canvas', 'canvas'));
    const at = ([x, y]: [number, number]) => [canvas.x + x * canvas.width, canvas.y + y * canvas.height] as const;
    await this.page.mouse.move(...at(from));
    await this.page.mouse.down();
    await this.page.mouse.move(...at(to), { steps: 8 });
    await this.page.mouse.up();
  }

  async click(text: string): Promise<void> {
    const box = await this.box(await this.button(text));
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** A part's computed style (DevTools' CSS domain): its state (:focus-visible) and the page's colour scheme included. */
  async style(part: Part, property: string): Promise<string> {
    await this.cdp.send('DOM.enable');
    await this.cdp.send('CSS.enable');
    const { computedStyle } = (await this.cdp.send('CSS.getComputedStyleForNode', { nodeId: part.nodeId })) as { computedStyle: { name: string; value: string }[] };
    return computedStyle.find((p) => p.name === property)?.value ?? '';
  }

  /** Sets the colour picker as its dialog would: the value, then input and change events. */
  async pickColor(color: string): Promise<void> {
    await this.setValue(await this.part((p) => p.name === 'input' && p.attributes.type === 'color', 'colour picker'), color);
  }

  /** The before/after slider's position, 0 (all result) to 100 (all original). */
  async compare(percent: number): Promise<void> {
    await this.setValue(await this.part((p) => p.name === 'input' && p.attributes.type === 'range', 'before/after slider'), String(percent));
  }

  private async setValue(input: Part, value: string): Promise<void> {
    await this.callOn(input, `function (v) { this.value = v; this.dispatchEvent(new Event('input', { bubbles: true })); this.dispatchEvent(new Event('change', { bubbles: true })); }`, value);
  }

  /**
   * A slider moved through `values` within one task, as a fast drag gives several values between
   * two frames: an input event for each, then one change.
   */
  async slideThrough(input: Part, values: number[]): Promise<void> {
    await this.callOn(
      input,
      `function (values) { for (const v of values) { this.value = String(v); this.dispatchEvent(new Event('input', { bubbles: true })); } this.dispatchEvent(new Event('change', { bubbles: true })); }`,
      values,
    );
  }

  /** A part's DOM property now (a slider's value, a panel's scrollTop), read as DevTools reads it. */
  async property(part: Part, name: string): Promise<unknown> {
    return this.callOn(part, 'function (name) { return this[name]; }', name);
  }

  private async callOn(part: Part, functionDeclaration: string, argument: unknown): Promise<unknown> {
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: part.nodeId })) as { object: { objectId: string } };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration,
      arguments: [{ value: argument }],
      returnByValue: true,
    })) as { result: { value?: unknown } };
    return result.value;
  }

  /** Waits until the editor's status says it is up to date (no request in flight). */
  async waitIdle(timeout = 60_000): Promise<string> {
    const end = Date.now() + timeout;
    for (;;) {
      const status = await this.part((p) => p.attributes.role === 'status', 'status');
      if (status.attributes['aria-busy'] === 'false') return status.text;
      if (Date.now() > end) throw new Error(`the editor stayed busy: ${status.text}`);
      await this.page.waitForTimeout(100);
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

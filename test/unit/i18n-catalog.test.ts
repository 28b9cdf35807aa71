// Every string the UI shows comes from the message catalog (_locales/en/messages.json): the HTML
// pages carry only keys (data-i18n*), the UI scripts assign no literal text, the menus and the
// manifest name catalog entries, and every key used exists (and every entry is used). The checks
// are tried on small bad and good snippets first, so a check that never fires is caught too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { catalog } from '../support/catalog.ts';

const root = resolve(import.meta.dirname, '../..');
const ui = join(root, 'src/ui');
const read = (file: string) => readFileSync(file, 'utf8');
const hasLetters = (text: string) => /\p{L}/u.test(text);

/** UI files: the pages, their scripts, the content script (the hover control, the working dot) and the background files that put words on screen. */
const htmlFiles = readdirSync(ui).filter((f) => f.endsWith('.html')).map((f) => join(ui, f));
const sources = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(dir, f));
const scriptFiles = [
  ...sources(ui),
  ...sources(join(root, 'src/content')),
  ...['background/menus.ts', 'background/badge.ts', 'background/tab-state.ts', 'shared/site-reason.ts'].map((f) => join(root, 'src', f)),
  // The colour editor, drawn by the content script over the page.
  ...readdirSync(join(root, 'src/content/editor')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(root, 'src/content/editor', f)),
];

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

const SHOWN_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder', 'aria-description'];

/** Problems in an HTML page: shown text or attributes that are not catalog keys. Also collects keys. */
export function htmlProblems(source: string, keys: Set<string>): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === 'script' || node.nodeName === 'style') return;
    if (node.nodeName === '#text' && hasLetters(node.value ?? '')) problems.push(`text "${node.value!.trim()}"`);
    for (const attr of node.attrs ?? []) {
      if (SHOWN_ATTRIBUTES.includes(attr.name) && hasLetters(attr.value)) problems.push(`${attr.name}="${attr.value}"`);
      if (attr.name === 'data-i18n' || attr.name.startsWith('data-i18n-')) keys.add(attr.value);
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(source) as unknown as Node);
  return problems;
}

const LITERAL = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;

/**
 * String literals in an expression that may reach the screen (quotes and template text outside
 * ${}): keys, comparands (x === 'on') and element names (createElement('li')) are not.
 */
function literalsIn(expression: string): string[] {
  const found: string[] = [];
  const shown = expression
    .replace(/[!=]==?\s*(['"`])(?:(?!\1).)*\1/g, '')
    .replace(/(['"`])(?:(?!\1).)*\1\s*[!=]==?/g, '')
    .replace(/createElement\(\s*'[^']*'/g, '');
  for (const m of shown.matchAll(LITERAL)) {
    const text = (m[1] ?? m[2] ?? m[3].replace(/\$\{[^}]*\}/g, '')) as string;
    if (!Object.hasOwn(catalog, text)) found.push(text);
  }
  return found;
}

/** Problems in a UI script: text put on screen from a literal rather than the catalog. Also collects keys. */
export function scriptProblems(source: string, keys: Set<string>): string[] {
  const code = source.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const problems: string[] = [];
  const shown = [
    /\.(?:textContent|innerText|innerHTML|title|placeholder|alt|ariaLabel|ariaDescription)\s*=\s*([^;]+);/g,
    /setAttribute\(\s*'(?:aria-label|aria-description|title|alt|placeholder)'\s*,\s*([^;]+)\);/g,
    /\.(?:append|prepend|replaceChildren)\(([^;]*)\);/g,
    /(?:contextMenus\.create\(\{[^}]*title:\s*|\bcreate\([^,]+,\s*)([^,]+),/g,
    /setTitle\(\{[^}]*title:\s*([^}]+)\}/g,
    // The hover control's parts (src/content/control-view.ts): their text, names and note.
    /\{\s*kind:\s*'(?:button|value)'[^}]*?\b(?:text|name):\s*([^,}]+)/g,
    /\{\s*kind:\s*'(?:button|value)'[^}]*?\bname:\s*([^,}]+)/g,
    /\bnote:\s*([^\n]+),\n/g,
  ];
  for (const pattern of shown) {
    for (const m of code.matchAll(pattern)) {
      for (const literal of literalsIn(m[1])) if (hasLetters(literal)) problems.push(`${m[0].trim()} (literal "${literal}")`);
    }
  }
  for (const m of code.matchAll(/\b(?:t|getMessage)\(\s*(?:[^'"(),]*\?\s*)?'([^']+)'(?:\s*:\s*'([^']+)')?/g)) {
    keys.add(m[1]);
    if (m[2]) keys.add(m[2]);
  }
  // Keys chosen before the call (a ternary, a table of states): any literal that names an entry.
  for (const m of code.matchAll(/'([a-z][A-Za-z]+)'/g)) if (Object.hasOwn(catalog, m[1])) keys.add(m[1]);
  return problems;
}

describe('the checks themselves', () => {
  it.each([
    ['<p>Hello</p>', ['text "Hello"']],
    ['<button aria-label="Close"></button>', ['aria-label="Close"']],
    ['<img alt="A photo">', ['alt="A photo"']],
    ['<p data-i18n="saved"></p><img alt=""><p> · </p>', []],
    ['<script>const x = "Hi";</script><p data-i18n-title="saved"></p>', []],
  ])('html %s', (source, problems) => {
    expect(htmlProblems(source, new Set())).toEqual(problems);
  });

  it.each([
    ["el.textContent = 'Saved';", 1],
    ['el.textContent = `${n} images`;', 1],
    ["el.setAttribute('aria-label', 'Forget ' + host);", 1],
    ["el.title = 'Recolor';", 1],
    ["list.append('Nothing here');", 1],
    ["create(MENU_X, 'Colorize this image', ['image']);", 1],
    ["el.textContent = t('saved');", 0],
    ["el.textContent = t(on ? 'stateOn' : 'stateOff');", 0],
    ['el.textContent = `${a} · ${b}`;', 0],
    ["el.setAttribute('aria-label', t('forgetSite', host));", 0],
    ["create(MENU_X, browser.i18n.getMessage('menuColorize'), ['image']);", 0],
    ["{ kind: 'button', text: 'Show original', run: act.toggle },", 1],
    ["{ kind: 'button', text: '+', name: 'More', run },", 1],
    ["{ kind: 'value', text: t('strengthValue', 5), name: t('hoverStrength', 5) },", 0],
    ["{ kind: 'button', text: '−', name: t('hoverLessColor'), run },", 0],
    ["note: 'Skipped',\n", 1],
  ])('script %s -> %i problem(s)', (source, count) => {
    expect(scriptProblems(source, new Set())).toHaveLength(count);
  });

  it('collects the keys a script uses', () => {
    const keys = new Set<string>();
    scriptProblems("t('saved'); getMessage('menuOptions'); t(x ? 'stateOn' : 'stateOff', 1);", keys);
    expect([...keys].sort()).toEqual(['menuOptions', 'saved', 'stateOff', 'stateOn']);
  });
});

describe('the UI shows only catalog strings', () => {
  const used = new Set<string>();

  it.each(htmlFiles.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    expect(htmlProblems(read(file), used)).toEqual([]);
  });

  it.each(scriptFiles.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    expect(scriptProblems(read(file), used)).toEqual([]);
  });

  it('the manifest names catalog entries for its name, description and button title', () => {
    const manifest = JSON.parse(read(join(root, 'manifest.json')));
    expect(manifest.default_locale).toBe('en');
    for (const text of [manifest.name, manifest.description, manifest.action.default_title]) expect(text).toMatch(/^__MSG_\w+__$/);
    for (const m of read(join(root, 'manifest.json')).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  });

  it('every key used is in the catalog, and every catalog entry is used', () => {
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !Object.hasOwn(catalog, key))).toEqual([]);
    expect(Object.keys(catalog).filter((key) => !used.has(key))).toEqual([]);
  });

  it('catalog entries are complete: a description, and placeholders exactly as the message names them', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      expect(entry.message, key).toBeTruthy();
      expect(entry.description, key).toBeTruthy();
      const named = [...entry.message.matchAll(/\$(\w+)\$/g)].map((m) => m[1].toLowerCase());
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual([...new Set(named)].sort());
    }
  });
});

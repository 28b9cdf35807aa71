// The English message catalog, read and formatted the way browser.i18n.getMessage does (named
// placeholders whose content is $1..$9), for unit tests of code that is handed a translate function.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

export const catalogPath = resolve(import.meta.dirname, '../../_locales/en/messages.json');
export const catalog: Record<string, CatalogEntry> = JSON.parse(readFileSync(catalogPath, 'utf8'));

export function translate(key: string, substitutions: string[] = []): string {
  const entry = catalog[key];
  if (!entry) throw new Error(`no message "${key}" in the catalog`);
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

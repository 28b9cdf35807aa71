// The one settings schema: defaults, validation and versioned migrations. Pure; storage lives in
// settings-store.ts.
import { DEFAULT_ARCHIVE_SITES, normalizeHost } from './sites.ts';
import type { SiteOverride } from './sites.ts';
import { clampStrength, STRENGTH_DEFAULT } from './strength.ts';

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Hosts (and their subdomains) colorized automatically. */
  archiveSites: string[];
  /** The toolbar's per-site choice, keyed by exact hostname; beats the list and "everywhere". */
  siteOverrides: Record<string, SiteOverride>;
  /** Auto-colorize detected black-and-white photos on every site. */
  everywhere: boolean;
  /** Chroma scale passed to the engine (src/shared/strength.ts). */
  strength: number;
  /** Show the small original/colorized switch when hovering a colorized image. */
  hoverControl: boolean;
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    archiveSites: [...DEFAULT_ARCHIVE_SITES],
    siteOverrides: {},
    everywhere: false,
    strength: STRENGTH_DEFAULT,
    hoverControl: true,
  };
}

type Raw = Record<string, unknown>;

/** One step per version: migrations[n] turns a version-n object into a version-(n+1) object. */
export type Migration = (old: Raw) => Raw;

// Empty while v1 is the only shape ever shipped. When the shape changes: bump SETTINGS_VERSION, add
// the step here, and add a test that migrates a fixture of the old shape.
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Turns whatever storage held (nothing, an old version, a hand-edited or corrupted object) into
 * valid current Settings. Unknown or invalid fields fall back to their defaults one by one, so a
 * single bad field never wipes the user's site list.
 */
export function migrateSettings(
  stored: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  targetVersion: number = SETTINGS_VERSION,
): Settings {
  if (!isRecord(stored)) return defaultSettings();
  let raw: Raw = stored;
  // Objects without a version are treated as v1, the first shape.
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 1;
  while (version < targetVersion) {
    const step = migrations[version];
    if (!step) break;
    raw = step(raw);
    version += 1;
  }
  return sanitizeSettings(raw);
}

export function sanitizeSettings(raw: Raw): Settings {
  const defaults = defaultSettings();
  const archiveSites = Array.isArray(raw.archiveSites)
    ? dedupe(stringArray(raw.archiveSites).map(normalizeHost).filter(isString))
    : defaults.archiveSites;
  const siteOverrides: Record<string, SiteOverride> = {};
  if (isRecord(raw.siteOverrides)) {
    for (const [key, value] of Object.entries(raw.siteOverrides)) {
      const host = normalizeHost(key);
      if (host && (value === 'on' || value === 'off')) siteOverrides[host] = value;
    }
  }
  return {
    version: SETTINGS_VERSION,
    archiveSites,
    siteOverrides,
    everywhere: typeof raw.everywhere === 'boolean' ? raw.everywhere : defaults.everywhere,
    strength: clampStrength(raw.strength),
    hoverControl: typeof raw.hoverControl === 'boolean' ? raw.hoverControl : defaults.hoverControl,
  };
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isString) : [];
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

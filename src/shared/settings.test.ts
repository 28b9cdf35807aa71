import { describe, expect, it } from 'vitest';
import { defaultSettings, migrateSettings, SETTINGS_VERSION } from './settings.ts';
import type { Migration } from './settings.ts';
import { DEFAULT_ARCHIVE_SITES } from './sites.ts';
import { STRENGTH_MAX } from './strength.ts';

describe('migrateSettings', () => {
  it.each([undefined, null, 42, 'x', [], [1, 2]])('gives defaults for %j', (stored) => {
    expect(migrateSettings(stored)).toEqual(defaultSettings());
  });

  it('defaults include every archive site named in the issue', () => {
    expect(defaultSettings().archiveSites).toEqual([...DEFAULT_ARCHIVE_SITES]);
    expect(defaultSettings().archiveSites).toEqual(
      expect.arrayContaining(['www.loc.gov', 'loc.gov', 'commons.wikimedia.org', 'archive.org', 'flickr.com']),
    );
  });

  it('keeps valid fields of a current object', () => {
    const stored = {
      version: SETTINGS_VERSION,
      archiveSites: ['example.org'],
      siteOverrides: { 'www.loc.gov': 'off' },
      everywhere: true,
      strength: 0.5,
      hoverControl: false,
    };
    expect(migrateSettings(stored)).toEqual(stored);
  });

  it.each<[string, Record<string, unknown>, Partial<ReturnType<typeof defaultSettings>>]>([
    ['bad strength type', { strength: 'high' }, { strength: 1 }],
    ['strength too high', { strength: 9 }, { strength: STRENGTH_MAX }],
    ['strength negative', { strength: -1 }, { strength: 0 }],
    ['NaN strength', { strength: Number.NaN }, { strength: 1 }],
    ['junk hosts', { archiveSites: ['LOC.gov', 'x y', 7, 'loc.gov'] }, { archiveSites: ['loc.gov'] }],
    ['bad override value', { siteOverrides: { 'a.org': 'maybe', 'b.org': 'on' } }, { siteOverrides: { 'b.org': 'on' } }],
    ['override on a non-object', { siteOverrides: ['a.org'] }, { siteOverrides: {} }],
    ['everywhere as string', { everywhere: 'yes' }, { everywhere: false }],
    ['empty site list stays empty', { archiveSites: [] }, { archiveSites: [] }],
  ])('repairs %s field by field', (_name, stored, expected) => {
    expect(migrateSettings({ version: SETTINGS_VERSION, ...stored })).toEqual({ ...defaultSettings(), ...expected });
  });

  it('runs each migration step in order up to the target version', () => {
    const steps: Record<number, Migration> = {
      1: (old) => ({ ...old, everywhere: old.allSites === 'yes', version: 2 }),
      2: (old) => ({ ...old, strength: Number(old.chroma), version: 3 }),
    };
    const migrated = migrateSettings({ version: 1, allSites: 'yes', chroma: '0.25' }, steps, 3);
    expect(migrated.everywhere).toBe(true);
    expect(migrated.strength).toBe(0.25);
    expect(migrated.version).toBe(SETTINGS_VERSION);
  });

  it('treats an object without version as v1 and stops where no step exists', () => {
    const migrated = migrateSettings({ everywhere: true }, {}, 5);
    expect(migrated.everywhere).toBe(true);
  });
});

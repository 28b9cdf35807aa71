// The top-level manifest.json is the Chrome MV3 manifest; Firefox's differs in three ways that
// Firefox requires: an event page (background.scripts) instead of a service worker, a gecko id,
// and no Chrome-only keys.
export const GECKO_ID = 'recolor@recolor.invalid';

export function chromeManifest(base, version) {
  return { ...structuredClone(base), version };
}

export function firefoxManifest(base, version) {
  const manifest = { ...structuredClone(base), version };
  const script = manifest.background.service_worker;
  manifest.background = { scripts: [script] };
  delete manifest.minimum_chrome_version;
  manifest.browser_specific_settings = {
    // 140 (ESR) is the first to know data_collection_permissions, which AMO now requires.
    gecko: {
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest;
}

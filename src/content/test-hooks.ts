// The content script's hook for end-to-end tests, in the test build only (src/build-flags.d.ts;
// index.ts installs it under `if (__RECOLOR_TEST__)`, so the shipped bundles have none of it): a
// page's script asks with a `recolor-test:census` event and hears back, in a
// `recolor-test:census-answer` event, how many listeners and observers of ours are running
// (lifetime.ts). Content scripts live in their own world: an event is what both sides can see.
import { census } from './lifetime.ts';

export const CENSUS_EVENT = 'recolor-test:census';

export function installTestHooks(): void {
  document.addEventListener(CENSUS_EVENT, () => {
    document.dispatchEvent(new CustomEvent(`${CENSUS_EVENT}-answer`, { detail: JSON.stringify(census()) }));
  });
}

// A page that refuses our result's form: its CSP blocks the data: or blob: URL we showed (an <img>
// of ours that fails to load when the page loads it again, or a violation report for a CSS
// background). The result moves to the next form the page allows; where none is left, the original
// comes back and the image is skipped ('page-refuses'). Listens while its Lifetime lasts.
import { colorizedState } from './item-registry.ts';
import type { Item, ItemRegistry } from './item-registry.ts';
import type { Lifetime } from './lifetime.ts';
import type { Presenter, Shown } from './presenter.ts';
import { blockedForm, standsIn } from './result-forms.ts';
import type { ResultForm } from './result-forms.ts';

export interface FallbackHost {
  /** Our display of the item changed. */
  displayed(item: Item): void;
  /** Undoes our work for the item, putting the original back. */
  drop(item: Item, putBack: boolean): void;
  changed(): void;
}

export class CspFallback {
  constructor(
    private readonly items: ItemRegistry,
    private readonly presenter: Presenter,
    private readonly host: FallbackHost,
    lifetime: Lifetime,
  ) {
    lifetime.listen(document, 'error', this.onLoadError, { capture: true, passive: true });
    lifetime.listen(document, 'securitypolicyviolation', this.onViolation, { passive: true });
  }

  /** An <img> of ours failed to load: the page (not us) loaded it again, and its CSP said no. */
  private readonly onLoadError = (event: Event) => {
    const item = this.items.get(event.target as Element);
    const state = colorizedState(item);
    if (!item || !state || standsIn(state.shown.form) || state.showingOriginal) return;
    if (!this.presenter.isOurs(item.element, state.shown)) return; // no longer ours: the page's own image failed
    void this.fallBack(item, state.shown.form);
  };

  /** CSS backgrounds have no error event; a violation names the scheme (for every form, later results skip it). */
  private readonly onViolation = (event: SecurityPolicyViolationEvent) => {
    const form = blockedForm(event.blockedURI, event.effectiveDirective);
    if (!form) return;
    this.presenter.refuse(form);
    for (const item of this.items.colorized) {
      const state = colorizedState(item);
      if (item.kind === 'background' && state?.shown.form === form && !state.showingOriginal) void this.fallBack(item, form);
    }
  };

  /** Shows the result in the next form the page allows; where none is left, the original again. */
  private async fallBack(item: Item, failed: ResultForm): Promise<void> {
    const state = colorizedState(item);
    if (!state || state.shown.form !== failed || item.fallingBack) return;
    item.fallingBack = true;
    const generation = item.generation;
    try {
      const { showingOriginal } = state;
      const moved = await this.presenter.fallBack(item, state.shown, failed, showingOriginal, () => generation === item.generation, (next: Shown) => {
        this.items.apply(item, { type: 'shown', shown: next, showingOriginal });
        this.host.displayed(item);
      });
      if (moved !== null || generation !== item.generation || item.state.name !== 'colorized') return;
      this.host.drop(item, true);
      this.items.skip(item, 'page-refuses');
      this.host.changed();
    } finally {
      item.fallingBack = false;
    }
  }
}

// What the hover control offers for an image, from its state (pure; hover-control.ts draws it).
// A colorized image: show original (a toggle), its own strength (less, the value, more). An image
// automatic colorizing left alone as a colour photo or not a photo: why, and "Colorize anyway".
// Other parts plug in as extra buttons (`extras`, after the strength), e.g. the colour-hints editor.
import { t } from '../shared/i18n.ts';
import type { SkipCode } from '../shared/result.ts';
import { overridable } from './control-rules.ts';
import type { ControlPart, ControlView } from './hover-control.ts';

export type ViewInput =
  | { name: 'colorized'; showingOriginal: boolean; strength: number }
  | { name: 'skipped'; code: SkipCode; detail: string };

export interface ViewActions {
  toggle(): void | Promise<void>;
  /** One step less (-1) or more (1) colour for this image. */
  stepStrength(direction: 1 | -1): void | Promise<void>;
  colorizeAnyway(): void | Promise<void>;
  /** More buttons for a colorized image (another part's, e.g. the colour-hints editor). */
  extras?: ControlPart[];
}

/** The control's parts for an image in this state; null where it offers nothing. Pure but for the catalog lookups. */
export function controlView(input: ViewInput, act: ViewActions): ControlView | null {
  if (input.name === 'skipped') {
    if (!overridable(input.code)) return null;
    return {
      name: t('hoverToolbar'),
      note: t('hoverSkipped', t(input.code === 'color' ? 'skipColor' : 'skipNotPhoto')),
      parts: [{ kind: 'button', text: t('hoverColorizeAnyway'), run: act.colorizeAnyway }],
    };
  }
  const { strength } = input;
  const percent = Math.round(strength * 100);
  const parts: ControlPart[] = [
    { kind: 'button', text: t('hoverShowOriginal'), pressed: input.showingOriginal, run: act.toggle },
    { kind: 'button', text: '−', name: t('hoverLessColor'), run: () => act.stepStrength(-1) },
    { kind: 'value', text: t('strengthValue', percent), name: t('hoverStrength', percent) },
    { kind: 'button', text: '+', name: t('hoverMoreColor'), run: () => act.stepStrength(1) },
    ...(act.extras ?? []),
  ];
  return { name: t('hoverToolbar'), parts };
}

// Small helpers for the options page and the popup.
import { t } from './i18n.ts';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from the page`);
  return element as T;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The strength slider and its <output>: shows the value as a percentage while it moves. */
export function bindStrength(save: (strength: number) => void): (strength: number) => void {
  const slider = byId<HTMLInputElement>('strength');
  const shown = byId('strength-value');
  const show = (strength: number) => {
    const text = t('strengthValue', Math.round(strength * 100));
    shown.textContent = text;
    slider.setAttribute('aria-valuetext', text);
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  slider.addEventListener('change', () => save(Number(slider.value)));
  return (strength: number) => {
    if (document.activeElement !== slider) slider.value = String(strength);
    show(Number(slider.value));
  };
}

/**
 * Runs `run` once input has paused for `ms`; flush() runs a pending call now (page hidden). A few
 * lines, so written here rather than pulled in from a library.
 */
export function debounce(run: () => void, ms: number): { schedule(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    run();
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(flush, ms);
    },
    flush,
  };
}

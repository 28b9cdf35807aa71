// The colour editor's look: a dialog over the page, in the page's light or dark scheme, every
// control with a visible focus ring. Applied as a constructed sheet (not subject to the page's
// style-src CSP) in the editor's closed shadow root.
export const EDITOR_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.55); display: flex; align-items: center; justify-content: center;
  font: 14px/1.4 system-ui, sans-serif; color-scheme: light dark; }
.dialog { --bg: #fff; --fg: #1d1d1f; --muted: #5b5b61; --line: #c9c9cf; --accent: #b8501a; --ring: #1a66d2; --button: #f1f1f4;
  background: var(--bg); color: var(--fg); border-radius: 10px; box-shadow: 0 12px 40px rgba(0,0,0,.45);
  width: min(96vw, 1400px); height: min(94vh, 1000px); display: grid; grid-template-columns: 1fr 280px; grid-template-rows: auto 1fr; overflow: hidden; }
@media (prefers-color-scheme: dark) {
  .dialog { --bg: #1f1f23; --fg: #ececf0; --muted: #a9a9b2; --line: #45454d; --accent: #f0904f; --ring: #7fb2ff; --button: #2c2c32; }
}
header { grid-column: 1 / -1; display: flex; align-items: center; gap: 12px; padding: 10px 14px; border-bottom: 1px solid var(--line); }
h2 { font-size: 16px; margin: 0; font-weight: 650; }
.status { color: var(--muted); font-size: 13px; display: flex; align-items: center; gap: 6px; margin-right: auto; }
.spinner { width: 12px; height: 12px; border-radius: 50%; border: 2px solid var(--line); border-top-color: var(--accent); visibility: hidden; }
.busy .spinner { visibility: visible; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .busy .spinner { animation: none; border-color: var(--accent); } }
.stage { position: relative; min-width: 0; min-height: 0; display: flex; align-items: center; justify-content: center; padding: 12px; background: var(--button); }
canvas { display: block; cursor: crosshair; touch-action: none; max-width: 100%; max-height: 100%; }
.side { display: flex; flex-direction: column; gap: 12px; padding: 12px 14px; overflow: auto; overscroll-behavior: contain; border-left: 1px solid var(--line); }
label, .label { display: flex; flex-direction: column; gap: 4px; font-size: 13px; color: var(--fg); }
fieldset { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px 10px; margin: 0; display: flex; flex-direction: column; gap: 8px; }
fieldset:disabled { opacity: .55; }
legend { font-size: 13px; font-weight: 600; padding: 0 4px; }
.swatches { display: flex; flex-wrap: wrap; gap: 6px; min-height: 30px; }
.swatch { width: 30px; height: 30px; padding: 0; border-radius: 6px; border: 2px solid var(--line); }
.note { font-size: 12px; color: var(--muted); margin: 0; }
.row { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; color: var(--fg); background: var(--button); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; cursor: pointer; }
button[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 600; }
button:disabled { opacity: .5; cursor: default; }
input[type=range] { width: 100%; accent-color: var(--accent); }
input[type=color] { width: 100%; height: 32px; padding: 0; border: 1px solid var(--line); border-radius: 6px; background: var(--button); }
:focus-visible { outline: 3px solid var(--ring); outline-offset: 2px; }
canvas:focus-visible { outline-offset: 3px; }
.close { margin-left: 6px; }
`;

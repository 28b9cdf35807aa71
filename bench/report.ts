// The benchmark's targets and its Markdown table: every figure beside its target and whether it
// is met. Pure: results in, text out.
import type { EndToEndFigure, EngineInfo, MemoryFigure } from './suites/background.ts';
import type { ColdStartFigure } from './suites/cold-start.ts';
import type { ModelFigure } from './suites/model.ts';
import type { ContentTime, PageFigure } from './suites/page.ts';
import { formatStats } from './lib/stats.ts';
import type { Stats } from './lib/stats.ts';

export interface Results {
  date: string;
  machine: string;
  command: string;
  environment: Record<string, string | number | boolean>;
  engine?: EngineInfo;
  model?: ModelFigure[];
  endToEnd?: EndToEndFigure[];
  page?: PageFigure;
  coldStart?: ColdStartFigure;
  memory?: MemoryFigure;
  errors: Record<string, string>;
}

export const TARGETS = {
  modelPassMs: 60,
  endToEndMs: { '1024x768': 250, '3000x2000': 1000 } as Record<string, number>,
  contentMsPerCandidate: 1,
  longTaskMs: 50,
  coldStartMs: 1500,
  workerHeapMB: 150,
};

/** The table's "met" column: the target met, missed, or no target. */
type Met = 'yes' | 'NO' | '—';
interface Row {
  figure: string;
  value: string;
  target: string;
  met: Met;
  notes: string;
}

const MB = 2 ** 20;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ms = (s: Stats | undefined, digits = 0) => (s ? `${formatStats(s, digits)} ms` : '—');
const metIf = (ok: boolean): Met => (ok ? 'yes' : 'NO');
const n = (s: Stats | undefined) => (s ? ` ×${s.n}` : '');

function modelRows(figures: ModelFigure[]): Row[] {
  const rows: Row[] = [];
  for (const f of figures) {
    const label = `Model pass 256×256, ${f.backend} (${f.where === 'chromium' ? 'Chromium page' : 'Node'})`;
    if (!f.available) {
      rows.push({ figure: label, value: 'unavailable', target: '—', met: '—', notes: f.detail + (f.error ? `: ${f.error}` : '') });
      continue;
    }
    const targeted = f.backend === 'wasm';
    rows.push({
      figure: label,
      value: ms(f.pass) + n(f.pass),
      target: targeted ? `≤ ${TARGETS.modelPassMs} ms` : '—',
      met: targeted && f.pass ? metIf(f.pass.median <= TARGETS.modelPassMs) : '—',
      notes: `${f.detail}${f.software ? ' — software, not used by the extension' : ''}`,
    });
    rows.push({
      figure: `  first pass after load, ${f.backend} (${f.where === 'chromium' ? 'Chromium' : 'Node'})`,
      value: ms(f.firstPass) + n(f.firstPass),
      target: '—',
      met: '—',
      notes: `fresh ${f.where === 'chromium' ? 'page' : 'process'} each; cold (first ever) ${f.firstPassCold?.toFixed(0)} ms; before it: backend init ${f.init?.median.toFixed(0)} ms, model load ${f.load?.median.toFixed(0)} ms${f.tensorsLeaked ? `; ${f.tensorsLeaked} tensors left!` : ''}`,
    });
  }
  return rows;
}

function endToEndRows(figures: EndToEndFigure[], engine?: EngineInfo): Row[] {
  return figures.map((f) => {
    // The targets are for a photo the user asks for; automatic colorizing runs the detector first.
    const target = f.automatic ? undefined : TARGETS.endToEndMs[f.size];
    const stage = (name: string) => (f.stages[name] ? f.stages[name].median.toFixed(0) : '?');
    return {
      figure: `End to end ${f.size}${f.automatic ? ', automatic (detector first)' : ''} (service worker${engine ? `, ${engine.backend}` : ''})`,
      value: ms(f.total) + n(f.total),
      target: target ? `≤ ${target} ms` : '—',
      met: target ? metIf(f.total.median <= target) : '—',
      notes: `medians: fetch+hash ${stage('load')},${f.automatic ? ` detector (decode, thumbnail, detect) ${stage('detect')},` : ''} decode ${stage('decode')}, lightness ${stage('prepare')}, model ${stage('model')}, compose ${stage('compose')}, encode ${stage('encode')}, cache ${Number(stage('cacheGet')) + Number(stage('cachePut'))} ms; ${(f.bytesIn / 1024).toFixed(0)} KB in, ${(f.bytesOut / 1024).toFixed(0)} KB out`,
    };
  });
}

function stageList(f: ContentTime): string {
  return Object.entries(f.stages)
    .sort((a, b) => b[1].totalMs - a[1].totalMs)
    .map(([name, stage]) => `${name} ${stage.totalMs.toFixed(0)}`)
    .join(', ');
}

function pageRows(f: PageFigure): Row[] {
  const w = f.longTasks;
  const large = f.largePhotos;
  return [
    {
      figure: `Content script main thread per candidate image (${f.images}-image page)`,
      value: `${formatStats(f.perCandidate, 2)} ms ×${f.perCandidate.n}`,
      target: `≤ ${TARGETS.contentMsPerCandidate} ms (mean)`,
      met: metIf(f.meanPerCandidate <= TARGETS.contentMsPerCandidate),
      notes: `mean ${f.meanPerCandidate.toFixed(2)} ms; ${f.candidates} candidates, ${f.colorized} colorized in ${(f.scrollMs / 1000).toFixed(0)} s of scrolling; total ms per stage: ${stageList(f)}; longest piece ${f.longestSpan.name} ${f.longestSpan.ms.toFixed(1)} ms`,
    },
    {
      figure: 'Content script main thread per candidate image (large photos)',
      value: `${formatStats(large.perCandidate, 2)} ms ×${large.perCandidate.n}`,
      target: `≤ ${TARGETS.contentMsPerCandidate} ms (mean)`,
      met: metIf(large.meanPerCandidate <= TARGETS.contentMsPerCandidate),
      notes: `2 × 3000x2000 and 2 × 1024x768; mean ${large.meanPerCandidate.toFixed(2)} ms; ${large.colorized} colorized; total ms per stage: ${stageList(large)}; longest piece ${large.longestSpan.name} ${large.longestSpan.ms.toFixed(1)} ms; long tasks ${large.longTasks.count}, caused by us ${large.longTasks.causedByUs}`,
    },
    {
      figure: `Long tasks caused by the extension (${f.images}-image page)`,
      value: `${w.causedByUs}${w.causedByUs ? ` (longest ${w.longestCausedByUs.toFixed(0)} ms)` : ''}`,
      target: `none > ${TARGETS.longTaskMs} ms`,
      met: metIf(w.causedByUs === 0 && large.longTasks.causedByUs === 0),
      notes: `with the extension ${w.count} long tasks (longest ${w.longest.toFixed(0)} ms, ${w.totalMs.toFixed(0)} ms in all), ${w.withOurWork} with some of our work inside; without it ${f.withoutExtension.count} (longest ${f.withoutExtension.longest.toFixed(0)} ms, ${f.withoutExtension.totalMs.toFixed(0)} ms in all)`,
    },
  ];
}

function coldRows(f: ColdStartFigure): Row[] {
  return [
    {
      figure: `Cold start: worker start → first colorized image on screen`,
      value: ms(f.total) + n(f.total),
      target: `≤ ${TARGETS.coldStartMs} ms`,
      met: metIf(f.total.median <= TARGETS.coldStartMs),
      notes: `${f.photo}, cache empty; medians: until engine load ${f.untilEngineLoad.median.toFixed(0)}, engine load (backend, model, warm-up) ${f.engineLoad.median.toFixed(0)}, then to screen ${f.afterEngine.median.toFixed(0)} ms; from navigation start ${f.fromNavigation.median.toFixed(0)} ms`,
    },
  ];
}

function memoryRows(f: MemoryFigure): Row[] {
  const wasm = f.wasmHeapAfter !== undefined ? `; wasm memory ${mb(f.wasmHeapBefore ?? 0)} → ${mb(f.wasmHeapAfter)}` : '';
  return [
    {
      figure: `tfjs tensors after each of ${f.images} images`,
      value: `${f.images - f.imagesLeavingTensors}/${f.images} back to ${f.tensorsBaseline}`,
      target: 'baseline after every image',
      met: metIf(f.imagesLeavingTensors === 0),
      notes: `max after an image ${f.maxTensorsAfterImage}; tensor bytes ${mb(f.tfBytesBefore)} → ${mb(f.tfBytesAfter)}${wasm}`,
    },
    {
      figure: `Service worker JS heap after ${f.images} images`,
      value: mb(f.heapAfter.usedBytes),
      target: `< ${TARGETS.workerHeapMB} MB`,
      met: metIf(f.heapAfter.usedBytes < TARGETS.workerHeapMB * MB),
      notes: `after GC; before ${mb(f.heapBefore.usedBytes)}; ArrayBuffer stores ${mb(f.heapBefore.backingStoreBytes)} → ${mb(f.heapAfter.backingStoreBytes)}; ${ms(f.msPerImage)} per image (${f.backend})`,
    },
    {
      figure: `Result cache after ${f.images} images`,
      value: `${mb(f.cache.bytes)} in ${f.cache.entries} entries`,
      target: `≤ cap ${mb(f.cache.maxBytes)}`,
      met: metIf(f.cache.bytes <= f.cache.maxBytes),
      notes: 'IndexedDB, least recently used evicted past the cap',
    },
  ];
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

export function markdown(results: Results): string {
  const rows: Row[] = [
    ...modelRows(results.model ?? []),
    ...endToEndRows(results.endToEnd ?? [], results.engine),
    ...(results.page ? pageRows(results.page) : []),
    ...(results.coldStart ? coldRows(results.coldStart) : []),
    ...(results.memory ? memoryRows(results.memory) : []),
  ];
  const env = Object.entries(results.environment)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');
  const lines = [
    `# Recolor benchmark, ${results.date}, ${results.machine}`,
    '',
    `\`${results.command}\` — ${env}.`,
    '',
    'Times are median (min–max) ×runs, after warm-up. Targets are for a 2-core CPU on wasm.',
    '',
    '| Figure | Median (min–max) | Target | Met | Notes |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${escape(r.figure)} | ${escape(r.value)} | ${escape(r.target)} | ${r.met} | ${escape(r.notes)} |`),
  ];
  const errors = Object.entries(results.errors);
  if (errors.length) lines.push('', '**Sections that failed:**', '', ...errors.map(([section, error]) => `- ${section}: ${error}`));
  return `${lines.join('\n')}\n`;
}

// Long tasks from a Chromium trace. The Long Tasks API is no use here: Chromium does not report to
// the page the tasks in which an extension's content script ran (a 70 ms content-script task
// produced no entry), so the page's main thread is read from a CDP trace instead: every task
// (RunTask) and our User Timing measures (recolor:*), on one clock.
import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { beginData?: { url?: string }; data?: { url?: string } };
}

export interface Interval {
  name: string;
  start: number;
  duration: number;
}

export interface MainThread {
  /** Per long task: the biggest kinds of work inside it (trace event name: ms), for diagnosis. */
  insideLongTasks: Record<string, number>[];
  /** Tasks over 50 ms on the page's main thread, ms since the trace began. */
  longTasks: Interval[];
  /** The content script's measures (stage names: without the recolor: prefix and any :<image number>). */
  spans: Interval[];
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'].join(',');
const LONG_TASK_US = 50_000;
const INTERESTING = new Set(['FunctionCall', 'v8.callFunction', 'EvaluateScript', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase', 'Decode Image', 'ImageDecodeTask', 'Decode LazyPixelRef', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'ParseHTML', 'IntersectionObserverController::computeIntersections', 'UpdateIntersectionObservations', 'ScheduleStyleRecalculation', 'ResourceReceivedData', 'v8.run', 'V8.DeserializeContext', 'Extension.RunScript']);

export async function traceMainThread(page: Page, urlPart: string, work: () => Promise<void>): Promise<MainThread> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return mainThreadOf(events, urlPart);
}

/** The page's main thread: where its HTML was parsed. */
export function mainThreadOf(events: TraceEvent[], urlPart: string): MainThread {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(urlPart));
  if (!parse) throw new Error(`trace: no ParseHTML for ${urlPart}`);
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  const origin = events.reduce((first, e) => (e.ts > 0 && e.ts < first ? e.ts : first), Infinity);
  const ms = (us: number) => us / 1000;
  const longTasks = onMain
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > LONG_TASK_US)
    .map((e) => ({ name: 'task', start: ms(e.ts - origin), duration: ms(e.dur!) }));
  // Measures are async begin/end pairs ('b'/'e'), keyed by name and id.
  const open = new Map<string, number>();
  const spans: Interval[] = [];
  for (const e of events.filter((e) => e.pid === parse.pid && e.name.startsWith('recolor:')).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.name}|${e.id ?? e.id2?.local ?? e.id2?.global ?? ''}`;
    if (e.ph === 'b') open.set(key, e.ts);
    else if (e.ph === 'e' && open.has(key)) {
      const start = open.get(key)!;
      open.delete(key);
      spans.push({ name: e.name.slice('recolor:'.length).split(':')[0], start: ms(start - origin), duration: ms(e.ts - start) });
    } else if (e.ph === 'X') spans.push({ name: e.name.slice('recolor:'.length).split(':')[0], start: ms(e.ts - origin), duration: ms(e.dur ?? 0) });
  }
  const insideLongTasks = onMain
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > LONG_TASK_US)
    .map((task) => {
      const inside: Record<string, number> = {};
      for (const e of onMain) {
        if (e.ph !== 'X' || e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + task.dur!) continue;
        if (!INTERESTING.has(e.name)) continue;
        inside[e.name] = (inside[e.name] ?? 0) + ms(e.dur ?? 0);
      }
      return inside;
    });
  return { longTasks, spans, insideLongTasks };
}

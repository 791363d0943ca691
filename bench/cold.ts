/**
 * `npm run bench:cold`: where a first visit with nothing saved (localStorage emptied) spends its time
 * before the first paper is painted, on the new tab and the popup. Builds as `npm run bench` does
 * (`--skip-build` reuses it), seeds N papers (`--papers`, default 10,000) into a fresh or kept
 * (`--keep DIR`) profile, then loads each page cold `--runs` times, alternating with its static copy,
 * and prints the first paper's time beside the static copy's, with one cold load's timeline: when
 * each script arrived (Resource Timing) and what ran in its long animation frames (LoAF).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { BENCH_OUT } from './lib/build';
import { firstPaperPaint, NEWTAB_VIEWPORT, openAt, POPUP_VIEWPORT, settle, writeStaticCopy, type Viewport } from './lib/pages';
import { benchSession } from './lib/session';
import { summarise } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '9' },
    pages: { type: 'string', default: 'newtab,popup' },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'string' },
    /** Repeat visits instead: localStorage kept (the boot copy the last visit saved), for the same timeline. */
    repeat: { type: 'boolean', default: false },
    /** Visits after a read flag changed instead: before each, the bench page flips the default view's first paper's read flag (localStorage kept, as `npm run bench`'s row). */
    changed: { type: 'boolean', default: false },
    /** Also trace one load (CDP Tracing): the page's main-thread tasks up to the first paper, and each script's compile and code cache. */
    trace: { type: 'boolean', default: false },
    /** Also profile one cold load's JavaScript (CDP Profiler, up to the first paper) and print its top functions and scripts. */
    profile: { type: 'boolean', default: false },
  },
});
const PORT = Number(process.env.PAPERBOY_BENCH_PORT ?? 41782);

interface Timeline {
  paper: number;
  resources: { name: string; start: number; end: number }[];
  marks: { name: string; at: number }[];
  dom: string;
  frames: { start: number; duration: number; render: number; scripts: { source: string; start: number; duration: number; compile: number }[] }[];
}

/** One load with localStorage emptied first: the first paper's time, the scripts' arrival and the long frames. */
async function coldTimeline(context: BrowserContext, url: string, viewport: Viewport, profile = false): Promise<Timeline> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const cdp = profile ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (globalThis as unknown as { __frames: unknown[] }).__frames = seen;
    new PerformanceObserver((list) => void seen.push(...list.getEntries().map((e) => e.toJSON() as unknown))).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  const result = await page.evaluate(
    () =>
      new Promise<Timeline>((done) => {
        new PerformanceObserver((list) => {
          const entry = (list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]).find((e) => e.identifier === 'first-paper');
          if (!entry) return;
          setTimeout(() => {
            type Frame = { startTime: number; duration: number; renderStart: number; scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; startTime: number; duration: number; forcedStyleAndLayoutDuration: number; executionStart: number }[] };
            const frames = (globalThis as unknown as { __frames: Frame[] }).__frames;
            done({
              paper: entry.renderTime,
              dom: `${document.querySelectorAll('*').length} elements, ${document.querySelectorAll('[data-paper-id]').length} papers, ${document.querySelectorAll('[data-brief]').length} brief, text ${document.body.innerText.length} chars`,
              marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
              resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop() ?? r.name, start: r.startTime, end: (r as PerformanceResourceTiming).responseEnd })),
              frames: frames.map((f) => ({
                start: f.startTime,
                duration: f.duration,
                render: f.renderStart,
                scripts: f.scripts.map((s) => ({ source: `${s.invoker} ${(s.sourceURL || '').split('/').pop()} ${s.sourceFunctionName}`, start: s.startTime, duration: s.duration, compile: s.executionStart - s.startTime })),
              })),
            });
          }, 300);
        }).observe({ type: 'element', buffered: true });
      }),
  );
  if (cdp) printProfile(((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile, result.paper);
  await page.close();
  return result;
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string } };

/** One load traced: the renderer main thread's tasks of 2 ms or more until the first paper, each with its heaviest inner events, and every script compile. */
async function traceLoad(context: BrowserContext, url: string, viewport: Viewport): Promise<void> {
  const probe = await context.newPage();
  const cdp = await context.newCDPSession(probe);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'blink', 'loading', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] } } as never);
  const paper = await firstPaperPaint(context, url, viewport);
  await cdp.send('Tracing.end');
  await done;
  await probe.close();
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  // The page's navigation start (its document's), as the origin of every time below.
  const nav = events.find((e) => e.name === 'navigationStart' && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').startsWith(url));
  if (!nav) return console.log('  trace: no navigationStart for the page');
  const main = (e: TraceEvent) => e.pid === nav.pid && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const at = (ts: number) => ((ts - nav.ts) / 1000).toFixed(0).padStart(5);
  const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
  const onMain = events.filter((e) => e.ph === 'X' && main(e) && e.ts >= nav.ts && e.ts <= nav.ts + (paper + 20) * 1000).sort((a, b) => a.ts - b.ts);
  console.log(`  trace: first paper at ${paper.toFixed(0)} ms; main-thread tasks of 2 ms or more (start, wall, CPU) and their heaviest inner events:`);
  // A task may be traced twice, one event inside the other (ThreadControllerImpl::RunTask around RunTask): the outer one stands for it.
  const tasks: TraceEvent[] = [];
  for (const e of onMain) if (isTask(e) && !(tasks.length && e.ts < tasks.at(-1)!.ts + (tasks.at(-1)!.dur ?? 0))) tasks.push(e);
  for (const task of tasks.filter((e) => (e.dur ?? 0) >= 2000)) {
    const end = task.ts + (task.dur ?? 0);
    const inner = onMain.filter((e) => !isTask(e) && e.ts >= task.ts && e.ts < end).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 4);
    console.log(`  ${at(task.ts)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(1)})  ${inner.map((e) => `${e.name}${e.args?.data?.url ? ` ${String(e.args.data.url).split('/').pop()}` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`).join(' | ')}`);
  }
  const compiles = onMain.filter((e) => /^v8\.(compile|compileModule|produceCache|produceModuleCache|evaluateModule)$/.test(e.name));
  for (const e of compiles) console.log(`  ${at(e.ts)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${e.name} ${String(e.args?.data?.url ?? e.args?.fileName ?? '').split('/').pop()} ${JSON.stringify(Object.fromEntries(Object.entries(e.args?.data ?? {}).filter(([k]) => /cache|Cache|consume|produce|streamed/.test(k))))}`);
}

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Self time by function and by script, over the samples up to the first paper (profile clock: relative to its first sample). */
function printProfile(profile: CpuProfile, untilMs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    if (t > untilMs + 50) return;
    const frame = byId.get(id)!;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    if (frame.functionName === '(idle)') return;
    fn.set(name, (fn.get(name) ?? 0) + dt);
    const script = frame.url.split('/').pop() || frame.functionName;
    file.set(script, (file.get(script) ?? 0) + dt);
  });
  console.log('  self time by script (ms):', [...file].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(' | '));
  for (const [name, ms] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}

/** Which visit is measured: a first one (nothing saved), a repeat one, or one after a read flag changed. */
const KIND = args.changed ? 'after a change' : args.repeat ? 'repeat' : 'cold';

async function main() {
  const { ext, bench, call, close } = await benchSession({ port: PORT, keep: args.keep, papers: Number(args.papers), skipBuild: args['skip-build'] });
  try {
    const base = `chrome-extension://${ext.id}`;
    for (const name of (args.pages ?? '').split(',')) {
      const viewport = name === 'popup' ? POPUP_VIEWPORT : NEWTAB_VIEWPORT;
      const url = `${base}/${name}.html`;
      const staticUrl = `${base}/bench-static-${name}.html`;
      const warm = await openAt(ext.context, url, viewport);
      await settle(warm);
      await warm.close();
      await writeStaticCopy(ext.context, url, viewport, resolve(BENCH_OUT, `bench-static-${name}.html`));
      const times = { cold: [] as number[], static: [] as number[] };
      let sample: Timeline | undefined;
      for (let run = 0; run <= Number(args.runs); run++) {
        if (args.changed) await call('flipFirstRead');
        else if (!args.repeat) await bench.evaluate(() => localStorage.clear());
        const timeline = await coldTimeline(ext.context, url, viewport, args.profile && run === 1);
        const still = await firstPaperPaint(ext.context, staticUrl, viewport);
        if (run === 0) continue;
        times.cold.push(timeline.paper);
        times.static.push(still);
        if (run === Math.ceil(Number(args.runs) / 2)) sample = timeline;
      }
      const cold = summarise(times.cold);
      const still = summarise(times.static);
      console.log(`\n${name}: ${KIND} ${cold.median.toFixed(0)} ms (min ${cold.min.toFixed(0)}), static ${still.median.toFixed(0)} ms: ${(cold.median / still.median).toFixed(2)} ×`);
      if (args.trace) {
        if (args.changed) await call('flipFirstRead');
        else if (!args.repeat) await bench.evaluate(() => localStorage.clear());
        await traceLoad(ext.context, url, viewport);
      }
      if (sample) {
        console.log(`  one ${KIND} load, first paper at ${sample.paper.toFixed(0)} ms; ${sample.dom} 300 ms after`);
        for (const m of sample.marks) console.log(`  ${m.at.toFixed(0).padStart(5)} ms  mark ${m.name}`);
        for (const r of sample.resources) console.log(`  ${r.start.toFixed(0).padStart(5)}–${r.end.toFixed(0).padStart(5)} ms  ${r.name}`);
        for (const f of sample.frames) {
          console.log(`  frame ${f.start.toFixed(0)} +${f.duration.toFixed(0)} ms (render at ${f.render.toFixed(0)})`);
          for (const s of f.scripts) console.log(`      ${s.start.toFixed(0).padStart(5)} +${s.duration.toFixed(0).padStart(3)} ms (compile ${s.compile.toFixed(0)})  ${s.source}`);
        }
      }
    }
  } finally {
    await close();
  }
}

await main();

/**
 * `npm run bench`: builds Paperboy in bench mode, seeds real databases in real headless Chromium
 * and measures the rows of the speed table in docs/performance.md side by side with their
 * references. Writes bench/results.json and bench/results.md and prints the table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { currentWorker, launch, newProfile, waitFor, type Extension } from '../tests/e2e/browser';
import { CHROMIUM } from '../tests/e2e/config';
import type { BenchApi } from './page/main';
import type { SearchResult } from './page/search';
import { fileBundle, pageBundle } from './lib/bundle';
import { heapAfterGc } from './lib/heap';
import { IDLE_ONE_OFF_S, instrumentPage, measureIdle, type IdleResult } from './lib/idle';
import { loadTemplates } from './lib/items';
import { browserCpuMs } from './lib/cpu';
import { firstKeystroke, firstPaperPaint, openAt, settle, visitCpu, writeStaticCopy, NEWTAB_VIEWPORT, POPUP_VIEWPORT, type Viewport } from './lib/pages';
import { kb, markdown, mb, ms, type Row } from './lib/report';
import { BenchServer } from './lib/server';
import { buildBench } from './lib/build';
import { ratio, summarise, type Summary } from './lib/stats';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, '.output/chrome-mv3-bench');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    /** 100,000 papers take ~15 min more (seeding them through applySync): `--sizes 0,10000,100000`. */
    sizes: { type: 'string', default: '0,10000' },
    ingest: { type: 'string', default: '10000' },
    'idle-seconds': { type: 'string', default: '60' },
    'skip-build': { type: 'boolean', default: false },
    /** Loads of the first-search and whole-visit rows, per size from 10,000 papers. */
    'visit-runs': { type: 'string', default: '5' },
    'visit-seconds': { type: 'string', default: '15' },
  },
});
const VISIT_RUNS = Number(args['visit-runs']);
const VISIT_SECONDS = Number(args['visit-seconds']);
/** "A moment" between the new tab showing its papers and the user's first search. */
const MOMENT_MS = 500;
/** From this size on, the first-visit, after-a-change, first-search and visit-CPU rows run too. */
const LARGE = 10_000;
const RUNS = Number(args.runs);
const SIZES = args.sizes.split(',').map(Number);
const INGEST = Number(args.ingest);
const IDLE_MS = Number(args['idle-seconds']) * 1000;
const PORT = Number(process.env.PAPERBOY_BENCH_PORT ?? 41782);

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]!.toFixed(1)}] ${message}`);

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const browser = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return `${cpus().length} × ${cpu}, ${browser}, Node ${process.version}`;
}

async function benchPage(ext: Extension) {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/bench.html`);
  await page.waitForFunction(() => 'paperboyBench' in globalThis);
  const call = <K extends keyof BenchApi>(name: K, ...params: Parameters<BenchApi[K]>) =>
    page.evaluate(
      ([n, p]) => (globalThis as unknown as { paperboyBench: Record<string, (...a: unknown[]) => unknown> }).paperboyBench[n as string]!(...(p as unknown[])),
      [name, params] as const,
    ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
  return { page, call };
}

interface PaintResult {
  app: Summary;
  static: Summary;
  staticPapers: number;
  /** The page on a visit with nothing saved from the last one (localStorage emptied before each load). */
  cold?: Summary;
  /** The page on the first visit after a read flag changed in another page (the bench page). */
  changed?: Summary;
}

type BenchCall = Awaited<ReturnType<typeof benchPage>>['call'];
type Series = 'app' | 'static' | 'cold' | 'changed';

/**
 * The page and its static copy, loaded alternately (which goes first alternates too). With
 * `bench`, two more series: the page with its localStorage emptied first, as on a first visit;
 * and the page loaded right after the bench page flipped the read flag of the default view's first
 * paper through utils/data/user-state.ts, as the popup's toggle would.
 */
async function paintRuns(ext: Extension, page: 'newtab' | 'popup', viewport: Viewport, runs: number, bench: BenchCall | undefined): Promise<PaintResult> {
  const base = `chrome-extension://${ext.id}`;
  const app = `${base}/${page}.html`;
  const staticFile = `bench-static-${page}.html`;
  // One visit first, as a user's earlier one: the page saves whatever it keeps for the next.
  const visit = await openAt(ext.context, app, viewport);
  await settle(visit);
  await visit.waitForFunction(() => localStorage.length > 0, undefined, { timeout: 3000 }).catch(() => undefined);
  await visit.close();
  const staticPapers = await writeStaticCopy(ext.context, app, viewport, join(OUT, staticFile));
  const helper = await openAt(ext.context, `${base}/${staticFile}`, viewport);
  const series: Series[] = bench ? ['app', 'static', 'cold', 'changed'] : ['app', 'static'];
  const times: Record<Series, number[]> = { app: [], static: [], cold: [], changed: [] };
  // Run 0 warms every series up and is not counted.
  for (let run = 0; run <= runs; run++) {
    const order = run % 2 === 0 ? series : [...series].reverse();
    for (const which of order) {
      // A cold load finds localStorage empty; what the warm visit saved is put back after it.
      const saved = which === 'cold' ? await helper.evaluate(() => { const all = { ...localStorage }; localStorage.clear(); return all; }) : undefined;
      if (which === 'changed') await bench!('flipFirstRead');
      const time = await firstPaperPaint(ext.context, which === 'static' ? `${base}/${staticFile}` : app, viewport);
      if (saved) await helper.evaluate((all) => { localStorage.clear(); for (const [key, value] of Object.entries(all)) localStorage.setItem(key, value); }, saved);
      // After a change, the page that loaded saves its own copy again once idle: a moment for it.
      if (which === 'changed') await new Promise((done) => setTimeout(done, 300));
      if (run > 0) times[which].push(time);
    }
  }
  await helper.close();
  return {
    app: summarise(times.app),
    static: summarise(times.static),
    staticPapers,
    cold: bench ? summarise(times.cold) : undefined,
    changed: bench ? summarise(times.changed) : undefined,
  };
}

/** The first search on a new tab opened a moment before, each on a page of its own. */
async function keystrokeRuns(ext: Extension, word: string, runs: number): Promise<{ first: Summary; whole: Summary }> {
  const first: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < runs; run++) {
    const times = await firstKeystroke(ext.context, `chrome-extension://${ext.id}/newtab.html`, NEWTAB_VIEWPORT, word, MOMENT_MS);
    first.push(times.first);
    whole.push(times.whole);
    // Every Paperboy page closed before the next run.
    await new Promise((done) => setTimeout(done, 1500));
  }
  return { first: summarise(first), whole: summarise(whole) };
}

/** Whole-browser CPU over a visit of the new tab and of its static copy, alternately. */
async function visitRuns(ext: Extension, runs: number): Promise<{ app: Summary; static: Summary }> {
  const base = `chrome-extension://${ext.id}`;
  const cpu = () => browserCpuMs(ext.profile);
  const times = { app: [] as number[], static: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? (['app', 'static'] as const) : (['static', 'app'] as const);
    for (const which of order) {
      const url = which === 'app' ? `${base}/newtab.html` : `${base}/bench-static-newtab.html`;
      times[which].push(await visitCpu(ext.context, url, NEWTAB_VIEWPORT, VISIT_SECONDS, cpu));
      await new Promise((done) => setTimeout(done, 1500));
    }
  }
  return { app: summarise(times.app), static: summarise(times.static) };
}

interface Ingest {
  real: Summary;
  /** The parse (validate, normalise) part of `real`. */
  parse: Summary;
  raw: Summary;
  items: number;
  stored: number;
}

interface SizeResult {
  papers: number;
  stored: number;
  seedMs: number;
  /** Indexing the seeded papers for search, after the seeding (0 before the persisted index). */
  indexMs: number;
  /** Storage the origin uses once seeded (navigator.storage.estimate). */
  storageBytes: number;
  newtab: PaintResult;
  popup: PaintResult;
  /** The first search on a new tab opened a moment before. */
  keystroke?: { first: Summary; whole: Summary };
  word?: string;
  /** Whole-browser CPU over a 15-s visit with no input: the new tab and its static copy. */
  visit?: { app: Summary; static: Summary };
}

async function main() {
  const started = Date.now();
  const templates = loadTemplates(resolve(ROOT, 'tests/fixtures/recorded'));
  const server = new BenchServer({ port: PORT, templates, thumbnailPath: resolve(ROOT, 'assets/icons/128.png') });
  if (!args['skip-build'] || !existsSync(join(OUT, 'bench.html'))) buildBench(server.origin, log);

  const bundles = {
    newtab: await pageBundle(OUT, 'newtab.html'),
    popup: await pageBundle(OUT, 'popup.html'),
    worker: fileBundle(OUT, 'background.js'),
  };

  await server.start();
  const sizes: SizeResult[] = [];
  let ingest: Ingest | undefined;
  let search: SearchResult | undefined;
  let heap: { newtab: number; static: number; papers: number } | undefined;
  let idle: IdleResult | undefined;
  try {
    for (const papers of SIZES) {
      const profile = newProfile();
      let ext = await launch(profile, OUT);
      try {
        const bench = await benchPage(ext);
        // The worker's install sync (empty answers here) loads the bundled snapshot first.
        await waitFor(() => bench.call('count').then((n) => n >= 88), true, 30_000);
        let seedMs = 0;
        let indexMs = 0;
        if (papers > 0) {
          log(`seeding ${papers} papers`);
          const seeded = await bench.call('seed', papers);
          seedMs = seeded.ms;
          indexMs = seeded.indexMs;
        }
        const stored = await bench.call('count');
        const storageBytes = await bench.call('storageUsage');
        const last = papers === Math.max(...SIZES);
        const large = papers >= LARGE;
        if (papers === LARGE || (last && !SIZES.includes(LARGE))) {
          log(`ingest of ${INGEST} items, ${RUNS} runs each way`);
          const result = await bench.call('ingest', INGEST, RUNS);
          ingest = { real: summarise(result.real), parse: summarise(result.parse), raw: summarise(result.raw), items: INGEST, stored: result.stored };
          log('search');
          search = await bench.call('search');
        }

        const runs = papers > LARGE ? Math.min(RUNS, 7) : RUNS;
        log(`N = ${papers}: new tab, ${runs} loads each`);
        const newtab = await paintRuns(ext, 'newtab', NEWTAB_VIEWPORT, runs, large ? bench.call : undefined);
        log(`N = ${papers}: popup, ${runs} loads each`);
        const popup = await paintRuns(ext, 'popup', POPUP_VIEWPORT, runs, large ? bench.call : undefined);
        const size: SizeResult = { papers, stored, seedMs, indexMs, storageBytes, newtab, popup };
        if (large) {
          size.word = await bench.call('searchWord');
          await bench.page.close();
          log(`N = ${papers}: first search "${size.word}" on a new tab, ${VISIT_RUNS} times`);
          size.keystroke = await keystrokeRuns(ext, size.word, VISIT_RUNS);
          log(`N = ${papers}: whole-browser CPU of a ${VISIT_SECONDS}-s visit, ${VISIT_RUNS} each`);
          size.visit = await visitRuns(ext, VISIT_RUNS);
        } else {
          await bench.page.close();
        }
        sizes.push(size);
        report({ started, sizes, ingest, search, heap, idle, bundles }, false);

        if (last) {
          // A fresh browser on the same profile: the extension's renderer then holds this one page,
          // and the heap (one V8 isolate per renderer) is the new tab's, not the earlier loads'.
          log('heap');
          await ext.context.close();
          ext = await launch(profile, OUT);
          const page = await openAt(ext.context, `chrome-extension://${ext.id}/newtab.html`, NEWTAB_VIEWPORT);
          await settle(page);
          const newtabHeap = await heapAfterGc(page);
          await page.close();
          // The reference, in the same renderer after the new tab closed.
          const copy = await openAt(ext.context, `chrome-extension://${ext.id}/bench-static-newtab.html`, NEWTAB_VIEWPORT);
          const staticHeap = await heapAfterGc(copy);
          await copy.close();
          heap = { newtab: newtabHeap, static: staticHeap, papers: stored };

          log(`idle: ${IDLE_MS / 1000} s between alarms, then one alarm`);
          await ext.context.addInitScript(instrumentPage);
          idle = await measureIdle(ext.context, await currentWorker(ext), ext.id, server, IDLE_MS);
        }
      } finally {
        await ext.context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
  }

  report({ started, sizes, ingest, search, heap, idle, bundles }, true);
}

/** Writes bench/results.json and bench/results.md (after each size too, so a run cut short keeps what it measured). */
function report(r: { started: number; sizes: SizeResult[]; ingest?: Ingest; search?: SearchResult; heap?: { newtab: number; static: number; papers: number }; idle?: IdleResult; bundles: Parameters<typeof tableRows>[0]['bundles'] }, done: boolean) {
  const rows = tableRows(r);
  const env = machine();
  const results = { date: new Date().toISOString(), machine: env, load: loadavg(), runs: RUNS, seconds: (Date.now() - r.started) / 1000, ...r, rows };
  writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = markdown(rows, `${env}; load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end`);
  writeFileSync(resolve(import.meta.dirname, 'results.md'), table);
  if (done) console.log(`\n${table}\nFinished in ${Math.round(results.seconds)} s; wrote bench/results.json and bench/results.md`);
}

function tableRows(r: {
  sizes: SizeResult[];
  ingest?: Ingest;
  search?: SearchResult;
  heap?: { newtab: number; static: number; papers: number };
  idle?: IdleResult;
  bundles: Awaited<ReturnType<typeof pageBundle>> extends infer B ? { newtab: B; popup: B; worker: ReturnType<typeof fileBundle> } : never;
}): Row[] {
  const rows: Row[] = [];
  for (const page of ['newtab', 'popup'] as const) {
    for (const size of r.sizes) {
      const result = size[page];
      const x = ratio(result.app, result.static);
      rows.push({
        what: `${page === 'newtab' ? 'new tab' : 'popup'}: first paper painted, repeat visit`,
        detail: `N = ${size.papers.toLocaleString('en')}${size.papers === 0 ? ' (snapshot)' : ''} · ${result.app.runs} loads each · static copy shows ${result.staticPapers} papers`,
        paperboy: ms(result.app),
        reference: `static page ${ms(result.static)}`,
        result: `${x.toFixed(2)} ×`,
        target: '≤ 1.5 × static',
        ok: x <= 1.5,
      });
      const extra = [
        ['cold', 'nothing saved', 'localStorage emptied before each (a first visit)'],
        ['changed', 'after a read flag changed', 'before each, the bench page flips the read flag of the first paper through user-state.ts'],
      ] as const;
      for (const [key, label, how] of extra) {
        const series = result[key];
        if (!series) continue;
        const y = ratio(series, result.static);
        rows.push({
          what: `${page === 'newtab' ? 'new tab' : 'popup'}: first paper painted, ${label}`,
          detail: `N = ${size.papers.toLocaleString('en')} · ${series.runs} loads · ${how}`,
          paperboy: ms(series),
          reference: `static page ${ms(result.static)}`,
          result: `${y.toFixed(2)} ×`,
          target: '≤ 1.5 × static',
          ok: y <= 1.5,
        });
      }
    }
  }
  for (const size of r.sizes) {
    if (size.keystroke) {
      rows.push({
        what: 'search: first keystroke on a new tab opened a moment before',
        detail: `N = ${size.papers.toLocaleString('en')} · ${size.keystroke.first.runs} new tabs · "${size.word}" entered ${MOMENT_MS} ms after the papers showed · input event to the first screen of ranked results and their count painted`,
        paperboy: ms(size.keystroke.first),
        reference: `every result drawn and counted: ${ms(size.keystroke.whole)}`,
        result: `median ${size.keystroke.first.median.toFixed(0)} ms`,
        target: '≤ 100 ms',
        ok: size.keystroke.first.median <= 100,
      });
    }
    if (size.visit) {
      const x = ratio(size.visit.app, size.visit.static);
      rows.push({
        what: 'cost of a visit: whole-browser CPU',
        detail: `N = ${size.papers.toLocaleString('en')} · ${size.visit.app.runs} visits each · new tab open ${VISIT_SECONDS} s, no input · every browser process (/proc)`,
        paperboy: ms(size.visit.app),
        reference: `static page ${ms(size.visit.static)}`,
        result: `${x.toFixed(2)} ×`,
        target: '≤ 2 × static',
        ok: x <= 2,
      });
    }
  }
  for (const size of r.sizes.filter((s) => s.papers > 0)) {
    rows.push({
      what: 'storage',
      detail: `N = ${size.papers.toLocaleString('en')} seeded through applySync, 100 a sync (${size.stored.toLocaleString('en')} stored) · navigator.storage.estimate`,
      paperboy: `${mb(size.storageBytes)} (${mb((size.storageBytes / size.stored) * 10_000)} per 10,000 papers)`,
      reference: `seeding (ingest) took ${(size.seedMs / 1000).toFixed(1)} s${size.indexMs ? `, then indexing for search ${(size.indexMs / 1000).toFixed(1)} s` : ''}`,
      result: mb((size.storageBytes / size.stored) * 10_000),
      target: 'reported',
      ok: undefined,
    });
  }
  if (r.ingest) {
    const x = ratio(r.ingest.real, r.ingest.raw);
    rows.push({
      what: 'ingest',
      detail: `${r.ingest.items.toLocaleString('en')} HF items · ${r.ingest.real.runs} runs each · parseDailyPapers + applySync (of which parse ${r.ingest.parse.median.toFixed(0)} ms) vs bulkPut of the same rows`,
      paperboy: ms(r.ingest.real),
      reference: `raw bulkPut ${ms(r.ingest.raw)}`,
      result: `${x.toFixed(2)} ×`,
      target: '≤ 2 × raw',
      ok: x <= 2,
    });
  }
  if (r.search) {
    const s = r.search;
    rows.push({
      what: 'search: keystroke to results',
      detail: s.status === 'ok' ? `${s.papers.toLocaleString('en')} papers · ${s.keystrokes.runs} keystrokes on the index kept in the database · loaded in ${s.loadMs.toFixed(0)} ms · built in ${s.buildMs.toFixed(0)} ms once, after seeding` : s.reason,
      paperboy: s.status === 'ok' ? ms(s.keystrokes) : 'n/a',
      reference: '–',
      result: s.status === 'ok' ? `p95 ${s.keystrokes.p95.toFixed(1)} ms` : 'n/a',
      target: 'p95 ≤ 10 ms',
      ok: s.status === 'ok' ? s.keystrokes.p95 <= 10 : undefined,
    });
  }
  for (const page of ['newtab', 'popup'] as const) {
    const b = r.bundles[page];
    rows.push({
      what: `bundle: ${page === 'newtab' ? 'new tab' : 'popup'} JS before first paint`,
      detail: `${b.critical.files.join(', ')} (gzip -9)`,
      paperboy: `${kb(b.critical.gzip)} gzip (${kb(b.critical.bytes)} raw)`,
      reference: `whole page incl. lazy chunks ${kb(b.all.gzip)} gzip`,
      result: kb(b.critical.gzip),
      target: '≤ 50 KB',
      ok: b.critical.gzip <= 50 * 1024,
    });
  }
  rows.push({
    what: 'bundle: worker',
    detail: 'background.js (gzip -9)',
    paperboy: `${kb(r.bundles.worker.gzip)} gzip (${kb(r.bundles.worker.bytes)} raw)`,
    reference: '–',
    result: kb(r.bundles.worker.gzip),
    target: '–',
    ok: undefined,
  });
  if (r.heap) {
    rows.push({
      what: 'memory: new tab JS heap',
      detail: `${r.heap.papers.toLocaleString('en')} papers stored · after GC (CDP Runtime.getHeapUsage)`,
      paperboy: mb(r.heap.newtab),
      reference: `static page ${mb(r.heap.static)}`,
      result: mb(r.heap.newtab),
      target: '≤ 10 MB',
      ok: r.heap.newtab <= 10 * 1024 * 1024,
    });
  }
  if (r.idle) {
    const { betweenAlarms: a, oneAlarm: b, hour } = r.idle;
    rows.push({
      what: 'idle: requests between alarms',
      detail: `new tab visible + new tab hidden + popup, ${a.seconds.toFixed(0)} s with no alarm due, projected to 1 h`,
      paperboy: `${a.apiRequests + a.otherRequests} in ${a.seconds.toFixed(0)} s`,
      reference: `per alarm: ${b.apiRequests} API requests; ${r.idle.alarmsPerHour} alarm/h → ${hour.requests.toFixed(0)} requests/h in all`,
      result: `${hour.extraRequests.toFixed(0)} /h`,
      target: '0',
      ok: hour.extraRequests === 0,
    });
    rows.push({
      what: 'idle: worker wake-ups between alarms',
      detail: 'worker starts, events and timer callbacks, projected to 1 h',
      paperboy: `${a.workerStarts + Object.values(a.worker).reduce((x, y) => x + y, 0)} in ${a.seconds.toFixed(0)} s`,
      reference: `per alarm: ${b.worker.alarms} alarm event; ${hour.wakeUps.toFixed(0)} wake-ups/h in all`,
      result: `${hour.extraWakeUps.toFixed(0)} /h`,
      target: '0',
      ok: hour.extraWakeUps === 0,
    });
    const hidden = Object.entries(a.hiddenPageCallbacks).map(([k, v]) => `${k} ${v}`).join(', ');
    const oneOff = Object.values(r.idle.hiddenOneOff).reduce((x, y) => x + y, 0);
    const visible = Object.values(a.visiblePageCallbacks).reduce((x, y) => x + y, 0);
    rows.push({
      what: 'idle: recurring callbacks in a hidden new tab',
      detail: `callbacks run while hidden, from ${IDLE_ONE_OFF_S} s after it was hidden (${hidden}), projected to 1 h; the page's one-off response to being hidden (${oneOff} callbacks in its first ${IDLE_ONE_OFF_S} s) is not recurring`,
      paperboy: `${Object.values(a.hiddenPageCallbacks).reduce((x, y) => x + y, 0)} in ${a.seconds.toFixed(0)} s`,
      reference: `visible new tab: ${visible} in ${a.seconds.toFixed(0)} s`,
      result: `${hour.hiddenPageCallbacks.toFixed(0)} /h`,
      target: '0',
      ok: hour.hiddenPageCallbacks === 0,
    });
  }
  return rows;
}

await main();

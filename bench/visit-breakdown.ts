/**
 * `npm run bench:visit`: where the CPU of one new-tab visit goes, to find what `npm run bench`'s
 * "cost of a visit" row is made of. Builds as `npm run bench` does (`--skip-build` reuses it),
 * seeds N papers (`--papers`, default 10,000) in a fresh profile, then alternates 15-s visits of the new tab and of its static copy, and prints per visit:
 * CPU per Chromium process kind (browser, the extension's renderer, GPU, network, storage,
 * other utilities) and which of the extension's workers ran during it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { firstKeystroke, NEWTAB_VIEWPORT, openAt, writeStaticCopy } from './lib/pages';
import { BENCH_OUT } from './lib/build';
import { benchSession } from './lib/session';

const OUT = BENCH_OUT;
const { values: args } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '15' },
    'skip-build': { type: 'boolean', default: false },
    /** Also profile the new tab's own JavaScript (CDP Profiler) over one visit, and print its top functions. */
    profile: { type: 'boolean', default: false },
    /** Also trace one visit (CDP Tracing, every process): CPU per thread, and the main thread's top events. */
    trace: { type: 'boolean', default: false },
    /** Keep the profile in this folder and reuse it, seeded once (100,000 papers take about 12 minutes). */
    keep: { type: 'string' },
    /** Also time N first keystrokes (as `npm run bench` does), each on a new tab opened a moment before. */
    keystrokes: { type: 'string', default: '0' },
  },
});
const PORT = Number(process.env.PAPERBOY_BENCH_PORT ?? 41782);

/** CPU ticks (1/100 s) per process of the browser started on `profile`, with each one's kind. */
function processes(profile: string): Map<number, { kind: string; ticks: number }> {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const num = (field: number) => Number(fields[field - 3]);
        const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split(/\0| /);
        return { pid: Number(name), ppid: num(4), ticks: num(14) + num(15) + num(16) + num(17), cmd };
      } catch {
        return undefined;
      }
    })
    .filter((p) => p !== undefined);
  const mine = new Set(all.filter((p) => p.cmd.some((a) => a.includes(profile))).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!mine.has(p.pid) && mine.has(p.ppid)) (mine.add(p.pid), (grew = true));
  }
  const result = new Map<number, { kind: string; ticks: number }>();
  for (const p of all) {
    if (!mine.has(p.pid)) continue;
    const arg = (name: string) => p.cmd.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const type = arg('type');
    let kind = type ?? 'browser';
    if (type === 'renderer') kind = p.cmd.includes('--extension-process') ? 'renderer (extension)' : 'renderer (other)';
    if (type === 'utility') kind = `utility ${(arg('utility-sub-type') ?? '').replace(/\.mojom\..*/, '')}`;
    result.set(p.pid, { kind, ticks: p.ticks });
  }
  return result;
}

function delta(before: Map<number, { kind: string; ticks: number }>, after: Map<number, { kind: string; ticks: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, p] of after) out[p.kind] = (out[p.kind] ?? 0) + (p.ticks - (before.get(pid)?.ticks ?? 0)) * 10;
  return out;
}

async function workersSeen(cdp: CDPSession, id: string): Promise<string[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
  return targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${id}/`) && t.type.includes('worker')).map((t) => `${t.type} ${new URL(t.url).pathname}`);
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };

/** The new tab's JavaScript self time by function over one visit, top 30. */
async function profileVisit(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(NEWTAB_VIEWPORT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(Number(args.seconds) * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await page.close();
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url: file, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  const busy = [...byName.entries()].filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)')).reduce((a, [, v]) => a + v, 0);
  console.log(`profile of ${url}: ${busy.toFixed(0)} ms busy in ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  // The browser's own functions (appendChild, setAttribute…) say little alone: who called them, two frames up.
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const label = (node: ProfileNode | undefined) => (node ? `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}` : '-');
  const callers = new Map<string, Map<string, number>>();
  for (const node of profile.nodes) {
    if (node.callFrame.url || node.callFrame.functionName.startsWith('(')) continue;
    const up = parent.get(node.id);
    const key = `${label(up)} < ${label(up && parent.get(up.id))}`;
    const byCaller = callers.get(node.callFrame.functionName) ?? new Map<string, number>();
    byCaller.set(key, (byCaller.get(key) ?? 0) + (self.get(node.id) ?? 0) / 1000);
    callers.set(node.callFrame.functionName, byCaller);
  }
  const heaviest = [...callers].map(([name, by]) => [name, [...by.values()].reduce((a, b) => a + b, 0), by] as const).sort((a, b) => b[1] - a[1]).slice(0, 5);
  for (const [name, ms, by] of heaviest) {
    console.log(`  ${name} (${ms.toFixed(1)} ms), called from:`);
    for (const [caller, t] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`      ${t.toFixed(1).padStart(6)} ms  ${caller}`);
  }
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } } };

/** CPU per thread over one visit (top-level tasks' thread time), and the heaviest event names on the busiest threads. */
async function traceVisit(context: BrowserContext, url: string): Promise<void> {
  const probe = await context.newPage();
  const cdp = await context.newCDPSession(probe);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'blink', 'disabled-by-default-devtools.timeline'] } } as never);
  const page = await openAt(context, url, NEWTAB_VIEWPORT);
  await page.waitForTimeout(Number(args.seconds) * 1000);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  await probe.close();
  // For a closer look than this summary (load it in DevTools' Performance panel, or script it).
  if (process.env.BENCH_TRACE_OUT) writeFileSync(`${process.env.BENCH_TRACE_OUT}-${url.split('/').pop()}.json`, JSON.stringify({ traceEvents: events }));
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const perThread = new Map<string, number>();
  const perEvent = new Map<string, number>();
  // A task may be traced twice, one event inside the other (ThreadControllerImpl::RunTask around RunTask): only the outer one counts.
  const taskEnd = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph !== 'X') continue;
    const thread = `${names.get(`${e.pid}:${e.tid}`) ?? '?'} (${e.pid})`;
    if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') {
      if (e.ts < (taskEnd.get(thread) ?? -1)) continue;
      taskEnd.set(thread, e.ts + (e.dur ?? 0));
      perThread.set(thread, (perThread.get(thread) ?? 0) + (e.tdur ?? 0) / 1000);
    } else if (e.tdur) perEvent.set(`${thread} ${e.name}`, (perEvent.get(`${thread} ${e.name}`) ?? 0) + e.tdur / 1000);
  }
  console.log(`trace of ${url}: CPU per thread (ms, top-level tasks)`);
  for (const [thread, ms] of [...perThread].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${thread}`);
  const [busiest] = [...perThread].sort((a, b) => b[1] - a[1]);
  if (busiest) {
    // When the busiest thread worked (per second of the visit), and on what (its tasks' first-level events).
    const tasks = events.filter((e) => e.ph === 'X' && `${names.get(`${e.pid}:${e.tid}`) ?? '?'} (${e.pid})` === busiest[0]).sort((a, b) => a.ts - b.ts);
    // A task may be traced twice, one event inside the other (ThreadControllerImpl::RunTask around RunTask): the outer one counts.
    const top: TraceEvent[] = [];
    for (const e of tasks) if ((e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && !(top.length && e.ts < top.at(-1)!.ts + (top.at(-1)!.dur ?? 0))) top.push(e);
    const start = top[0]?.ts ?? 0;
    const seconds = new Map<number, number>();
    for (const e of top) seconds.set(Math.floor((e.ts - start) / 1e6), (seconds.get(Math.floor((e.ts - start) / 1e6)) ?? 0) + (e.tdur ?? 0) / 1000);
    console.log(`  ${busiest[0]} per second of the visit (ms): ${[...seconds].map(([s, ms]) => `${s}s ${ms.toFixed(0)}`).join(', ')}`);
    const children = new Map<string, number>();
    for (const task of top) {
      const end = task.ts + (task.dur ?? 0);
      let covered = task.ts;
      for (const e of tasks) {
        if (e === task || e.ts < covered || e.ts >= end || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') continue;
        children.set(e.name, (children.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
        covered = e.ts + (e.dur ?? 0);
      }
    }
    // Per busy second: its heaviest first-level events and JavaScript calls.
    for (const [second, ms] of seconds) {
      if (ms < 20) continue;
      const inSecond = tasks.filter((e) => Math.floor((e.ts - start) / 1e6) === second && e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask');
      const byName = new Map<string, number>();
      for (const e of inSecond) {
        const fn = e.args?.data?.functionName !== undefined ? ` ${e.args.data.url?.split('/').pop() ?? ''}:${e.args.data.lineNumber ?? ''} ${e.args.data.functionName}` : '';
        byName.set(`${e.name}${fn}`, (byName.get(`${e.name}${fn}`) ?? 0) + (e.tdur ?? 0) / 1000);
      }
      console.log(`  second ${second} (${ms.toFixed(0)} ms): ${[...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, v]) => `${n} ${v.toFixed(0)}`).join(' | ')}`);
    }
    // Its tasks of 3 ms or more in order (ms from its first task, CPU), with their heaviest inner events: which frames and answers the visit paid for.
    console.log(`  ${busiest[0]}: its tasks of 3 ms or more (start, CPU, heaviest inner events)`);
    for (const task of top.filter((e) => (e.tdur ?? 0) >= 3000)) {
      const end = task.ts + (task.dur ?? 0);
      const inner = tasks.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask').sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 3);
      console.log(`  ${((task.ts - start) / 1000).toFixed(0).padStart(7)} ms  ${((task.tdur ?? 0) / 1000).toFixed(1).padStart(6)}  ${inner.map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${((e.tdur ?? 0) / 1000).toFixed(1)}`).join(' | ')}`);
    }
    console.log(`  ${busiest[0]}: first-level events inside its tasks (ms)`);
    for (const [name, ms] of [...children].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  }
  console.log('  heaviest events (nested events count in their parents too):');
  for (const [name, ms] of [...perEvent].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
}

async function main() {
  const { ext, profile, bench, call, close } = await benchSession({ port: PORT, keep: args.keep, papers: Number(args.papers), skipBuild: args['skip-build'] });
  try {
    const word = await call('searchWord');
    await bench.close();
    const base = `chrome-extension://${ext.id}`;
    await writeStaticCopy(ext.context, `${base}/newtab.html`, NEWTAB_VIEWPORT, resolve(OUT, 'bench-static-newtab.html'));
    for (let run = 0; run < Number(args.keystrokes); run++) {
      console.log(`first keystroke "${word}"`, await firstKeystroke(ext.context, `${base}/newtab.html`, NEWTAB_VIEWPORT, word, 500));
      await new Promise((done) => setTimeout(done, 1500));
    }
    if (args.profile) await profileVisit(ext.context, `${base}/newtab.html`);
    if (args.trace) for (const url of [`${base}/newtab.html`, `${base}/bench-static-newtab.html`]) await traceVisit(ext.context, url);
    const probe = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(probe);
    for (let run = 0; run < Number(args.runs); run++) {
      for (const url of [`${base}/newtab.html`, `${base}/bench-static-newtab.html`]) {
        await new Promise((done) => setTimeout(done, 3000));
        const before = processes(profile);
        const seen = new Set<string>();
        const page = await openAt(ext.context, url, NEWTAB_VIEWPORT);
        const end = Date.now() + Number(args.seconds) * 1000;
        while (Date.now() < end) {
          for (const w of await workersSeen(cdp, ext.id)) seen.add(w);
          await new Promise((done) => setTimeout(done, 250));
        }
        const used = delta(before, processes(profile));
        await page.close();
        const total = Object.values(used).reduce((a, b) => a + b, 0);
        console.log(`${new URL(url).pathname} total ${total} ms`, JSON.stringify(used), [...seen].join(', ') || 'no worker');
      }
    }
  } finally {
    await close();
  }
}

await main();

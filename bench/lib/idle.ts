import type { BrowserContext, Worker } from 'playwright-core';
import type { BenchServer } from './server';
import { openAt, settle, NEWTAB_VIEWPORT, POPUP_VIEWPORT } from './pages';

/**
 * Added to every page before its own scripts: counts timer, animation-frame and idle callbacks,
 * and lets the bench mark a page hidden. Headless Chromium reports every tab as visible, so a
 * hidden tab is simulated: `document.hidden`/`visibilityState` say so and `visibilitychange`
 * fires, which is all a page can observe of it (Chrome's own throttling of hidden tabs is not
 * simulated, so any timer the page keeps is counted in full).
 */
export function instrumentPage() {
  if (location.protocol !== 'chrome-extension:') return;
  const state = { hidden: false, counts: { timeout: 0, interval: 0, animationFrame: 0, idle: 0 } };
  (window as unknown as { __bench: typeof state }).__bench = state;
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state.hidden });
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (state.hidden ? 'hidden' : 'visible') });
  type Callback = (...args: unknown[]) => unknown;
  const counted = (key: keyof typeof state.counts, callback: unknown) =>
    typeof callback !== 'function'
      ? callback
      : function (this: unknown, ...args: unknown[]) {
          state.counts[key]++;
          return (callback as Callback).apply(this, args);
        };
  const { setTimeout: timeout, setInterval: interval, requestAnimationFrame: frame, requestIdleCallback: idle } = window;
  window.setTimeout = ((callback: unknown, ...rest: unknown[]) => timeout(counted('timeout', callback) as TimerHandler, ...(rest as [number]))) as typeof setTimeout;
  window.setInterval = ((callback: unknown, ...rest: unknown[]) => interval(counted('interval', callback) as TimerHandler, ...(rest as [number]))) as typeof setInterval;
  window.requestAnimationFrame = (callback) => frame(counted('animationFrame', callback) as FrameRequestCallback);
  window.requestIdleCallback = (callback, options) => idle(counted('idle', callback) as IdleRequestCallback, options);
}

/** Listens, from inside the worker, for everything that wakes it, and counts its timer callbacks. */
function instrumentWorker() {
  const counts = { alarms: 0, messages: 0, installed: 0, startup: 0, timers: 0 };
  (self as unknown as { __bench: typeof counts }).__bench = counts;
  chrome.alarms.onAlarm.addListener(() => counts.alarms++);
  chrome.runtime.onMessage.addListener(() => void counts.messages++);
  chrome.runtime.onStartup.addListener(() => counts.startup++);
  const timeout = self.setTimeout;
  const interval = self.setInterval;
  self.setTimeout = ((fn: () => void, ms?: number) => timeout(() => (counts.timers++, fn()), ms)) as typeof setTimeout;
  self.setInterval = ((fn: () => void, ms?: number) => interval(() => (counts.timers++, fn()), ms)) as typeof setInterval;
}

type PageCounts = { timeout: number; interval: number; animationFrame: number; idle: number };
type WorkerCounts = { alarms: number; messages: number; installed: number; startup: number; timers: number };

export interface IdleWindow {
  seconds: number;
  apiRequests: number;
  otherRequests: number;
  workerStarts: number;
  worker: WorkerCounts;
  hiddenPageCallbacks: PageCounts;
  visiblePageCallbacks: PageCounts;
}

/** Seconds after a page is hidden in which its callbacks are its one-off response to hiding. */
export const IDLE_ONE_OFF_S = 5;

export interface IdleResult {
  /** Callbacks the hidden new tab ran in its first seconds hidden: its one-off response. */
  hiddenOneOff: PageCounts;
  betweenAlarms: IdleWindow;
  oneAlarm: IdleWindow;
  alarmsPerHour: number;
  /** Projected over an hour: the alarms' own cost plus the between-alarm rate. */
  hour: { requests: number; wakeUps: number; extraRequests: number; extraWakeUps: number; hiddenPageCallbacks: number };
}

const sum = (counts: object) => Object.values(counts).reduce((a: number, b) => a + (b as number), 0);

/**
 * Idle cost with a new tab open (visible), a second one hidden, and the popup page open: first a
 * window with no alarm due, then one real firing of the sync alarm (re-created by the bench to
 * fire now, with its usual period), each counted at the server, in the pages and in the worker.
 */
export async function measureIdle(context: BrowserContext, worker: Worker, extensionId: string, server: BenchServer, windowMs: number): Promise<IdleResult> {
  const base = `chrome-extension://${extensionId}`;
  const visible = await openAt(context, `${base}/newtab.html`, NEWTAB_VIEWPORT);
  const hidden = await openAt(context, `${base}/newtab.html`, NEWTAB_VIEWPORT);
  const popup = await openAt(context, `${base}/popup.html`, POPUP_VIEWPORT);
  await Promise.all([settle(visible), settle(hidden), settle(popup)]);
  await hidden.evaluate(() => {
    (window as unknown as { __bench: { hidden: boolean } }).__bench.hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await worker.evaluate(instrumentWorker);
  await new Promise((done) => setTimeout(done, IDLE_ONE_OFF_S * 1000));
  const alarms = await worker.evaluate(() => chrome.alarms.getAll());
  const alarmsPerHour = alarms.reduce((n, alarm) => n + (alarm.periodInMinutes ? 60 / alarm.periodInMinutes : 0), 0);

  let workerStarts = 0;
  let otherRequests = 0;
  context.on('serviceworker', () => workerStarts++);
  context.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension:')) otherRequests++;
  });

  const pageCounts = (page: typeof visible) =>
    page.evaluate(() => {
      const bench = (window as unknown as { __bench: { counts: PageCounts } }).__bench;
      const counts = { ...bench.counts };
      for (const key of Object.keys(bench.counts) as (keyof PageCounts)[]) bench.counts[key] = 0;
      return counts;
    });
  const workerCounts = () =>
    worker.evaluate(() => {
      const bench = (self as unknown as { __bench: WorkerCounts }).__bench;
      const counts = { ...bench };
      for (const key of Object.keys(bench) as (keyof WorkerCounts)[]) bench[key] = 0;
      return counts;
    });

  const observe = async (run: () => Promise<void>): Promise<IdleWindow> => {
    await Promise.all([pageCounts(visible), pageCounts(hidden), workerCounts()]);
    workerStarts = 0;
    otherRequests = 0;
    const since = Date.now();
    await run();
    const seconds = (Date.now() - since) / 1000;
    const [visibleCounts, hiddenCounts, workerEvents] = await Promise.all([pageCounts(visible), pageCounts(hidden), workerCounts()]);
    return {
      seconds,
      apiRequests: server.count('/api/', since),
      otherRequests: otherRequests - server.count('/api/', since),
      workerStarts,
      worker: workerEvents,
      hiddenPageCallbacks: hiddenCounts,
      visiblePageCallbacks: visibleCounts,
    };
  };

  // What ran in the seconds after hiding: counted apart, and reset before the recurring window.
  const hiddenOneOff = await pageCounts(hidden);
  const nextAlarm = Math.min(...alarms.map((alarm) => alarm.scheduledTime));
  if (nextAlarm < Date.now() + windowMs + 5000) throw new Error('an alarm is due during the idle window: rerun');
  const betweenAlarms = await observe(() => new Promise((done) => setTimeout(done, windowMs)));

  const oneAlarm = await observe(async () => {
    const before = server.count('/api/');
    await worker.evaluate(() => chrome.alarms.create('paperboy-sync', { when: Date.now() + 1000, periodInMinutes: 60 }));
    for (let i = 0; i < 300 && server.count('/api/') < before + 2; i++) await new Promise((done) => setTimeout(done, 100));
    // Let the sync finish its writes and the pages re-render before counting.
    await new Promise((done) => setTimeout(done, 3000));
  });
  await Promise.all([visible.close(), hidden.close(), popup.close()]);

  const perHour = 3600 / betweenAlarms.seconds;
  const extraRequests = (betweenAlarms.apiRequests + betweenAlarms.otherRequests) * perHour;
  const extraWakeUps = (betweenAlarms.workerStarts + sum(betweenAlarms.worker)) * perHour;
  return {
    hiddenOneOff,
    betweenAlarms,
    oneAlarm,
    alarmsPerHour,
    hour: {
      requests: alarmsPerHour * (oneAlarm.apiRequests + oneAlarm.otherRequests) + extraRequests,
      wakeUps: alarmsPerHour * oneAlarm.worker.alarms + extraWakeUps,
      extraRequests,
      extraWakeUps,
      hiddenPageCallbacks: sum(betweenAlarms.hiddenPageCallbacks) * perHour,
    },
  };
}

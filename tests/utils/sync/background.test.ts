import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES } from '../../../utils/sync/schedule';
import type { PaperboyDb } from '../../../utils/data/db';
import { getFeedSizes } from '../../../utils/data/papers';
import { countQueued } from '../../../utils/data/search-queue';
import { getSyncStatus, type SyncStatus } from '../../../utils/data/sync-status';
import { markRead } from '../../../utils/data/user-state';
import { ensureBundled } from '../../../utils/data/bundled';
import { BUNDLED_PATH } from '../../../utils/data/bundled-path';
import { MAX_EARLY_RETRIES } from '../../../utils/sync/outcome';
import { createWorker } from '../../../utils/sync/background';
import { queryIndex } from '../../../utils/search/index-query';
import { loadIndexDocs } from '../../../utils/search/index-store';
import { recordedHfDay as hfDay, seedSnapshotText } from '../../fixtures/recorded';
import { fakeFetch, freshDb, json as jsonResponse, type Answer, type FakeRequest } from '../../support/harness';

const ORIGIN = 'http://127.0.0.1:41731';

// A gate on the search-index update that follows a sync, to hold a sync in its follow-ups.
const indexGate = vi.hoisted(() => ({ promise: Promise.resolve(), waiting: 0 }));
vi.mock('../../../utils/search/indexer', async (original) => {
  const real = await original<typeof import('../../../utils/search/indexer')>();
  return {
    ...real,
    updateSearchIndex: async (...args: Parameters<typeof real.updateSearchIndex>) => {
      indexGate.waiting++;
      await indexGate.promise;
      indexGate.waiting--;
      return real.updateSearchIndex(...args);
    },
  };
});
const T0 = Date.UTC(2026, 5, 12, 12);
const MINUTE = 60_000;

const DAILY = hfDay('2026-06-12'); // 30 papers
const TRENDING = hfDay('2026-08-03'); // 3 papers
const json = (body: unknown[]): Answer => jsonResponse(body);

let db: PaperboyDb;
let clock: number;
/** What HF answers right now; tests swap it to script faults. */
let hf: (url: URL) => Answer;
let net: ReturnType<typeof fakeFetch>;

// The snapshot asset is fetched through the global fetch (as in the extension), the HF API too.
const route = ({ url }: FakeRequest): Answer => {
  if (url.pathname === BUNDLED_PATH) return new Response(seedSnapshotText(), { headers: { 'content-type': 'application/json' } });
  if (url.origin === ORIGIN && url.pathname === '/api/daily_papers') return hf(url);
  return 'offline';
};

const apiRequests = () => net.requests.map((r) => r.url).filter((url) => url.pathname.startsWith('/api/'));
const snapshotRequests = () => net.requests.map((r) => r.url).filter((url) => url.pathname.endsWith('.json'));

beforeEach(() => {
  db = freshDb();
  clock = T0;
  hf = (url) => json(url.searchParams.get('sort') === 'trending' ? TRENDING : DAILY);
  net = fakeFetch(route);
  vi.stubGlobal('fetch', net.fetch);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

function worker() {
  return createWorker({ db, fetch: (...args) => fetch(...args), hfOrigin: ORIGIN, now: () => clock, random: () => 0, timeoutMs: 50 });
}

/** What Chrome does when an alarm goes off: a one-shot alarm is gone, then the event fires. */
async function fire(w: ReturnType<typeof worker>, name: string) {
  const alarm = await browser.alarms.get(name);
  if (alarm && alarm.periodInMinutes === undefined) await browser.alarms.clear(name);
  return w.onAlarm({ name, scheduledTime: clock });
}

describe('the snapshot', () => {
  it('is fetched from the package (BUNDLED_PATH, where wxt.config.ts copies it), so the JSON stays out of every bundle', async () => {
    expect(await ensureBundled(db, T0)).toBe(true);
    expect(net.requests.map((r) => r.url.pathname)).toEqual([BUNDLED_PATH]);
    expect(await getFeedSizes(db)).toEqual({ bundled: 88, 'hf-daily': 0, 'hf-trending': 0 });
    expect(await ensureBundled(db, T0)).toBe(false); // never over stored papers
    expect(net.requests).toHaveLength(1);
  });
});

describe('createWorker', () => {
  it('onWake creates the sync alarm when missing, and never a second one', async () => {
    const create = vi.spyOn(browser.alarms, 'create');
    const w = worker();
    await w.onWake();
    const alarm = await browser.alarms.get(SYNC_ALARM);
    expect(alarm).toMatchObject({ name: SYNC_ALARM, periodInMinutes: SYNC_PERIOD_MINUTES });
    await w.onWake();
    await worker().onWake(); // a restarted worker too
    expect(create).toHaveBeenCalledTimes(1);
    expect((await browser.alarms.getAll()).filter((a) => a.name === SYNC_ALARM)).toHaveLength(1);
    // A wake-up with nothing overdue makes no request.
    expect(apiRequests()).toHaveLength(0);
  });

  it('onInstalled loads the snapshot, syncs both feeds and sets the badge', async () => {
    const status = await worker().onInstalled();
    expect(snapshotRequests()).toHaveLength(1);
    expect(apiRequests().map((url) => url.search)).toEqual(['?limit=100', '?sort=trending&limit=50']);
    expect(await getFeedSizes(db)).toEqual({ bundled: 88, 'hf-daily': 30, 'hf-trending': 3 });
    expect(status).toMatchObject({ lastSuccessAt: T0, failures: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('33');
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('onInstalled offline: the snapshot still loads, the badge stays empty, a retry is scheduled', async () => {
    hf = () => 'offline';
    const status = await worker().onInstalled();
    expect(await getFeedSizes(db)).toEqual({ bundled: 88, 'hf-daily': 0, 'hf-trending': 0 });
    expect(status.lastError?.kind).toBe('offline');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ scheduledTime: status.nextAttemptAt });
  });

  it('loads the snapshot only once', async () => {
    const w = worker();
    await w.onInstalled();
    await w.onStartup();
    expect(snapshotRequests()).toHaveLength(1);
    expect((await getFeedSizes(db)).bundled).toBe(88);
  });

  it('onAlarm(SYNC_ALARM) syncs; other alarms are ignored', async () => {
    const w = worker();
    await w.onInstalled();
    hf = (url) => json(url.searchParams.get('sort') === 'trending' ? DAILY.slice(0, 5) : DAILY);
    expect(w.onAlarm({ name: 'something-else', scheduledTime: clock })).toBeUndefined();
    expect(apiRequests()).toHaveLength(2);

    clock = T0 + 60 * MINUTE;
    const status = await fire(w, SYNC_ALARM);
    expect(apiRequests()).toHaveLength(4);
    expect(status?.lastSuccessAt).toBe(clock);
    expect((await getFeedSizes(db))['hf-trending']).toBe(5);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('30');
  });

  it('a sync-now message syncs, even during a backoff wait; other messages are ignored', async () => {
    hf = () => new Response('', { status: 503 });
    const w = worker();
    const failed = await w.onInstalled();
    expect(failed.nextAttemptAt).toBeGreaterThan(clock);

    // A browser start or a restarted worker respects the backoff (the alarms, the retry
    // schedule, skip it: sync-faults › HTTP 5xx)…
    await w.onStartup();
    await worker().onWake();
    expect(apiRequests()).toHaveLength(2);
    // …the user's "Sync now" does not.
    hf = (url) => json(url.searchParams.get('sort') === 'trending' ? TRENDING : DAILY);
    expect(w.onMessage({ type: 'something-else' })).toBeUndefined();
    expect(w.onMessage('sync-now')).toBeUndefined();
    const status = await w.onMessage({ type: 'sync-now' });
    expect(apiRequests()).toHaveLength(4);
    expect(status).toMatchObject({ lastSuccessAt: T0, failures: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('33');
  });

  it('a sync-now message never skips a rate limit', async () => {
    hf = () => new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=120' } });
    const w = worker();
    const limited = await w.onInstalled();
    expect(limited.nextAttemptAt).toBe(T0 + 120_000);
    expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ scheduledTime: T0 + 120_000 });
    clock = T0 + 60_000;
    await w.onMessage({ type: 'sync-now' });
    expect(apiRequests()).toHaveLength(1);
  });

  it('callers that arrive during a sync share it: one request per feed', async () => {
    const w = worker();
    const [a, b, c] = await Promise.all([w.onInstalled(), w.onMessage({ type: 'sync-now' }), fire(w, SYNC_ALARM)]);
    expect(apiRequests()).toHaveLength(2);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('retries early a bounded number of times, then waits for the periodic alarm', async () => {
    hf = () => new Response('', { status: 500 });
    const w = worker();
    await w.onInstalled();
    for (let failures = 1; failures <= MAX_EARLY_RETRIES; failures++) {
      const retry = await browser.alarms.get(RETRY_ALARM);
      expect(retry, `retry alarm after failure ${failures}`).toBeDefined();
      clock = retry!.scheduledTime;
      const status = await fire(w, RETRY_ALARM);
      expect(status?.failures).toBe(failures + 1);
    }
    expect(apiRequests()).toHaveLength(2 * (MAX_EARLY_RETRIES + 1));
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();

    // The next periodic alarm (an hour on) is past any backoff and tries again; success clears retries.
    hf = (url) => json(url.searchParams.get('sort') === 'trending' ? TRENDING : DAILY);
    clock += SYNC_PERIOD_MINUTES * MINUTE;
    const status = await fire(w, SYNC_ALARM);
    expect(status).toMatchObject({ failures: 0, lastSuccessAt: clock });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('onWake finishes a sync the browser killed half way, without duplicates or lost flags', async () => {
    const w = worker();
    await w.onInstalled();
    await markRead(db, [DAILY[0]!.paper.id], T0 + 1);
    // The worker died after marking a sync pending, before storing it.
    const status = await getSyncStatus(db);
    await db.meta.put({ key: 'sync-status', value: { ...status, pendingSince: T0 + 5 * MINUTE } satisfies SyncStatus });

    clock = T0 + 10 * MINUTE;
    await worker().onWake();
    expect(apiRequests()).toHaveLength(4);
    const after = await getSyncStatus(db);
    expect(after.pendingSince).toBeUndefined();
    expect(after.lastSuccessAt).toBe(clock);
    expect(await getFeedSizes(db)).toEqual({ bundled: 88, 'hf-daily': 30, 'hf-trending': 3 });
    expect(await db.userState.get(DAILY[0]!.paper.id)).toEqual({ id: DAILY[0]!.paper.id, readAt: T0 + 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('32');
  });

  it('onWake syncs when the last attempt is long overdue, and recomputes the badge from the database', async () => {
    await worker().onInstalled();
    await markRead(db, TRENDING.map((item) => item.paper.id), T0 + 1);
    await fakeBrowser.action.setBadgeText({ text: 'stale' });

    clock = T0 + 30 * MINUTE; // not overdue: badge recomputed, no request
    await worker().onWake();
    expect(apiRequests()).toHaveLength(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('30');

    // Due at T0 + 1 period; overdue by more than a period (the browser was closed): runs at once.
    clock = T0 + 3 * SYNC_PERIOD_MINUTES * MINUTE;
    await worker().onWake();
    expect(apiRequests()).toHaveLength(4);
    expect((await getSyncStatus(db)).lastSuccessAt).toBe(clock);
  });
});

describe('the search index after a sync', () => {
  // "Sync now" shares a sync only while it fetches and stores: a press while the follow-ups of
  // one (index, notification, retention, For you) run starts a fetch of its own, queued after them.
  it('a "Sync now" during the follow-ups of a sync fetches again rather than sharing its outcome', async () => {
    const w = worker();
    let open!: () => void;
    indexGate.promise = new Promise<void>((go) => (open = go));
    const first = w.syncNow();
    await vi.waitFor(() => expect(indexGate.waiting).toBe(1)); // stored, the index update held
    const before = apiRequests().length;
    const second = w.syncNow(true);
    open();
    expect((await first).lastSuccessAt).toBe(clock);
    await second;
    expect(apiRequests().length).toBeGreaterThan(before);
  });

  it('takes the synced papers in before the sync job ends: nothing is left for a page to build', async () => {
    await worker().syncNow();
    expect(await db.searchQueue.count()).toBe(0);
    const docs = await loadIndexDocs(db);
    expect(docs.documentCount).toBe(await db.papers.count());
    const target = DAILY[4]!.paper as unknown as { id: string; title: string };
    expect(await queryIndex(db, docs, target.title)).toContain(target.id);
  });

  it('indexes what is still queued when a page asks (a background stopped mid-batch)', async () => {
    await ensureBundled(db, clock);
    const queued = await countQueued(db);
    expect(queued).toBe(await db.papers.count());
    expect(await worker().onMessage({ type: 'index-search' })).toBe(queued);
    expect(await db.searchQueue.count()).toBe(0);
    expect((await loadIndexDocs(db)).documentCount).toBe(await db.papers.count());
  });
});

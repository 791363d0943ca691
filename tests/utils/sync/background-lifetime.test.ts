import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES, SYNC_PERIOD_MS } from '../../../utils/sync/schedule';
import { createDb, type PaperboyDb } from '../../../utils/data/db';
import { countUnreadLive, getFeed } from '../../../utils/data/papers';
import { getSyncStatus } from '../../../utils/data/sync-status';
import { markRead } from '../../../utils/data/user-state';
import { createWorker } from '../../../utils/sync/background';
import { clock, dump, FakeHf, freshDb, item, ORIGIN, recorded, text } from '../../support/harness';

const DAILY = recorded('2026-06-12');
const TRENDING = [...recorded('2026-08-03'), ...DAILY.slice(0, 5)];
const MINUTE = 60_000;

function setup(db: PaperboyDb = freshDb()) {
  const time = clock();
  const hf = new FakeHf(time.now, DAILY, TRENDING);
  const start = (database: PaperboyDb = db) => createWorker({ db: database, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now, random: () => 0.5 });
  return { db, time, hf, worker: start(), restart: start };
}

const badge = () => fakeBrowser.action.getBadgeText({});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** No id twice in a feed, no paper twice: what a re-run sync must never leave behind. */
async function expectNoDuplicates(db: PaperboyDb) {
  const entries = await db.feeds.toArray();
  for (const feed of ['hf-daily', 'hf-trending']) {
    const ids = entries.filter((e) => e.feed === feed).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(entries.filter((e) => e.feed === feed).map((e) => e.rank)).toEqual(ids.map((_, i) => i));
  }
}

describe('worker killed mid-sync', () => {
  it('the next wake-up completes the sync: no duplicates, no lost flags, the badge right', async () => {
    const env = setup();
    await env.worker.syncNow(true);
    const read = [DAILY[0]!.paper.id, TRENDING[0]!.paper.id];
    await markRead(env.db, read, env.time.now());
    const flags = await env.db.userState.toArray();

    // The next sync brings a new paper, but the browser kills the worker while it waits for HF.
    // (Fake timers: the dead worker's own 20 s timeout never fires, as it would not in a dead worker.)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    env.time.advance(SYNC_PERIOD_MS);
    env.hf.next('daily', 'hang');
    void env.worker.onAlarm({ name: SYNC_ALARM, scheduledTime: env.time.now() });
    await env.hf.requested(3);
    expect((await getSyncStatus(env.db)).pendingSince).toBe(env.time.now());
    vi.useRealTimers();

    const fresh = [item('2606.60001'), ...DAILY];
    env.hf.always('daily', () => new Response(JSON.stringify(fresh)));
    await fakeBrowser.action.setBadgeText({ text: '' });
    env.time.advance(MINUTE);
    await env.restart().onWake();

    const status = await getSyncStatus(env.db);
    expect(status.pendingSince).toBeUndefined();
    expect(status.lastSuccessAt).toBe(env.time.now());
    expect((await getFeed(env.db, 'hf-daily')).map((v) => v.paper.id)).toEqual(fresh.map((i) => i.paper.id));
    await expectNoDuplicates(env.db);
    expect(await env.db.papers.count()).toBe(new Set([...fresh, ...TRENDING].map((i) => i.paper.id)).size);
    expect(await env.db.userState.toArray()).toEqual(flags);
    expect(await badge()).toBe(String(await countUnreadLive(env.db)));
    expect(await badge()).toBe(String(new Set([...fresh, ...TRENDING].map((i) => i.paper.id)).size - read.length));
  });

  it('killed after the commit but before the badge: the next wake-up recomputes the badge', async () => {
    const env = setup();
    await env.worker.syncNow(true);
    await fakeBrowser.action.setBadgeText({ text: '7' }); // a stale value from before the sync
    const requests = env.hf.count();
    await env.restart().onWake();
    expect(await badge()).toBe(String(await countUnreadLive(env.db)));
    expect(env.hf.count()).toBe(requests); // nothing was pending: no second sync
  });
});

describe('browser restart', () => {
  it('read flags, saved papers, badge and alarm all back; the badge recomputed from the database', async () => {
    const env = setup();
    await env.worker.onInstalled();
    await env.worker.onWake();
    await markRead(env.db, [DAILY[1]!.paper.id, DAILY[2]!.paper.id], env.time.now());
    await env.db.userState.put({ id: DAILY[3]!.paper.id, savedAt: env.time.now() });
    const before = await dump(env.db, ['papers', 'feeds', 'userState']);
    const unread = await countUnreadLive(env.db);

    // The browser quits: the connection goes, the badge is gone, alarms may be lost with it.
    env.db.close();
    await fakeBrowser.action.setBadgeText({ text: '' });
    await fakeBrowser.alarms.clearAll();
    env.time.advance(3 * MINUTE);
    env.hf.always('both', () => text('', { status: 503 }));

    const reopened = createDb(env.db.name);
    const worker = env.restart(reopened);
    await worker.onWake();
    await worker.onStartup();

    expect(await dump(reopened, ['papers', 'feeds', 'userState'])).toEqual(before);
    expect(await badge()).toBe(String(unread));
    expect(unread).toBe(new Set([...DAILY, ...TRENDING].map((i) => i.paper.id)).size - 2);
    const alarm = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(alarm?.periodInMinutes).toBe(SYNC_PERIOD_MINUTES);
    expect((await getFeed(reopened, 'hf-daily')).filter((v) => v.state?.readAt).map((v) => v.paper.id)).toEqual([DAILY[1]!.paper.id, DAILY[2]!.paper.id]);
    expect((await reopened.userState.get(DAILY[3]!.paper.id))?.savedAt).toBeDefined();
  });
});

describe('the alarms are verified on every worker start', () => {
  async function afterOneSync() {
    const env = setup();
    await env.worker.syncNow(true);
    return env;
  }

  it('a missing periodic alarm is re-created for when the sync is due, not a whole period later', async () => {
    const env = await afterOneSync();
    const last = env.time.now();
    env.time.advance(20 * MINUTE);
    await env.restart().onWake();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ scheduledTime: last + SYNC_PERIOD_MS, periodInMinutes: SYNC_PERIOD_MINUTES });
  });

  it('an existing periodic alarm is left alone', async () => {
    const env = await afterOneSync();
    await fakeBrowser.alarms.create(SYNC_ALARM, { when: env.time.now() + 5 * MINUTE, periodInMinutes: SYNC_PERIOD_MINUTES });
    await env.restart().onWake();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(env.time.now() + 5 * MINUTE);
  });

  it('a sync overdue by less than a period waits for the re-created alarm, a minute away', async () => {
    const env = await afterOneSync();
    env.time.advance(SYNC_PERIOD_MS + 30 * MINUTE);
    const requests = env.hf.count();
    await env.restart().onWake();
    expect(env.hf.count()).toBe(requests);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(env.time.now() + MINUTE);
  });

  it('a sync overdue by more than a period runs at once', async () => {
    const env = await afterOneSync();
    await fakeBrowser.alarms.create(SYNC_ALARM, { when: env.time.now() + SYNC_PERIOD_MS, periodInMinutes: SYNC_PERIOD_MINUTES });
    env.time.advance(2 * SYNC_PERIOD_MS + 1);
    const requests = env.hf.count();
    await env.restart().onWake();
    expect(env.hf.count()).toBe(requests + 2);
    expect((await getSyncStatus(env.db)).lastSuccessAt).toBe(env.time.now());
  });

  it('a lost retry alarm is re-created while its retry is ahead, and a missed retry runs at once', async () => {
    const env = await afterOneSync();
    env.hf.next('daily', text('', { status: 502 }));
    const failed = await env.worker.syncNow(true);
    expect(failed.nextAttemptAt).toBeGreaterThan(env.time.now());
    await fakeBrowser.alarms.clear(RETRY_ALARM);

    await env.restart().onWake();
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(failed.nextAttemptAt);

    await fakeBrowser.alarms.clear(RETRY_ALARM);
    env.time.set(failed.nextAttemptAt! + 1);
    const requests = env.hf.count();
    await env.restart().onWake();
    expect(env.hf.count()).toBe(requests + 2);
    expect((await getSyncStatus(env.db)).lastError).toBeUndefined();
  });
});

describe('background entrypoint', () => {
  it('registers every listener synchronously, before its first await, and only wires them to the worker', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline in this test')));
    // WXT's fake browser has no permission events: stubbed, so that their registration is seen too.
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    const events = [fakeBrowser.runtime.onInstalled, fakeBrowser.runtime.onStartup, fakeBrowser.alarms.onAlarm, fakeBrowser.runtime.onMessage, fakeBrowser.tabs.onUpdated, fakeBrowser.permissions.onRemoved];
    const spies = events.map((event) => vi.spyOn(event, 'addListener'));
    const storageSpy = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    // WXT's fake browser has no permission events; the background listens for a grant of the
    // notifications permission to start listening for clicks on notifications.
    const grants = vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    const clicks = vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener');
    const background = (await import('../../../entrypoints/background/index')).default;
    const main = background.main as () => void;
    main();
    // Checked right after main() returns, with no await in between: registered synchronously.
    for (const spy of spies) expect(spy).toHaveBeenCalledTimes(1);
    // The worker's storage listener and read detection's switch (a WXT storage watch).
    expect(storageSpy).toHaveBeenCalled();
    // A grant starts notification clicks and read detection.
    expect(grants).toHaveBeenCalledTimes(2);
    expect(clicks).toHaveBeenCalledTimes(1);
  });
});

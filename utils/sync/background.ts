import { browser, type Browser } from 'wxt/browser';
import { ensureBundled } from '../data/bundled';
import { pruneAsSet } from '../data/retention';
import { getSyncStatus, type SyncStatus } from '../data/sync-status';
import { createQueue, createShared } from '../lib/serial';
import { refreshBadge } from '../platform/badge';
import { readSetting } from '../settings/settings';
import type { PeriodFeed } from '../views/view-id';
import { isSyncAlarm, restoreAlarms, scheduleRetry } from './alarms';
import type { FeedSyncResult } from './period-sync';
import { createCrossDevice } from './cross-device/pacer';
import { settingsEffects } from './settings-effects';
import { createSync, type SyncDeps } from './sync';
import { afterSync, both, indexNewPapers, routeMessages } from './background-steps';
import { createForYouRanker } from './for-you-job';
import { getRules } from '../settings/settings';

type SyncJobDeps = { db: SyncDeps['db']; now: () => number; sync: ReturnType<typeof createSync>; serial: ReturnType<typeof createQueue>; rankForYou: () => Promise<unknown> };

/** One sync: fetch, store, badge and retry alarm; its follow-ups are queued behind it, as `after`. */
function syncJobOf({ db, now, sync, serial, rankForYou }: SyncJobDeps) {
  return async (force: boolean): Promise<{ status: SyncStatus; after: Promise<void> }> => {
    await ensureBundled(db, now()).catch(() => false);
    const { status, ran } = await sync.run({ force });
    await refreshBadge(db);
    if (!ran) return { status, after: Promise.resolve() };
    await scheduleRetry(status, now());
    const at = now();
    return { status, after: serial(() => afterSync(db, status, at, rankForYou)) };
  };
}

/** What the background does for each event; the entrypoint only wires events to it. */
export function createWorker(deps: Omit<SyncDeps, 'makeRoom'>) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sync = createSync({ liveFeeds: () => readSetting('liveFeeds'), ...deps, makeRoom: () => pruneAsSet(db, now()) });
  // Jobs that write the sync status run one after another, so none overwrites another's outcome.
  const serial = createQueue();
  const syncing = createShared<'sync', { status: SyncStatus; after: Promise<void> }>();
  const fetchingFeed = createShared<PeriodFeed, FeedSyncResult>();
  const rankForYou = createForYouRanker(db, now, getRules);
  const crossDevice = createCrossDevice({ db, now, area: () => browser.storage.sync });

  const syncJob = syncJobOf({ db, now, sync, serial, rankForYou });

  /**
   * One sync at a time; callers that arrive while it fetches and stores share its outcome, and
   * every caller is answered once its follow-ups (notification, retention, search index) are done.
   * A caller that arrives during those follow-ups starts a sync of its own, queued after them:
   * sharing the outcome of a fetch already over would answer "Sync now" with stale news.
   * `force` skips a backoff wait (never a rate limit).
   */
  async function syncNow(force = false): Promise<SyncStatus> {
    const { status, after } = await syncing('sync', () => serial(() => syncJob(force)));
    await after;
    return status;
  }

  /** Fetches an on-demand feed (never counted by the badge); a second ask meanwhile shares it. */
  function syncFeed(feed: PeriodFeed): Promise<FeedSyncResult> {
    return fetchingFeed(feed, () => serial(() => sync.runFeed(feed).finally(() => indexNewPapers(db))));
  }

  /**
   * Every start of the background: the alarms as the stored status says, the badge right, and a
   * sync at once if one was killed halfway, a retry was missed, or the periodic one is overdue.
   */
  async function onWake(): Promise<void> {
    crossDevice.onWake();
    const status = await getSyncStatus(db);
    const due = await restoreAlarms(status, now, await readSetting('syncPeriodMinutes'));
    await refreshBadge(db);
    if (due || status.pendingSince !== undefined) await syncNow();
    else await indexNewPapers(db); // what is still queued: an update's first indexing, a cut-short batch
  }

  return {
    syncNow,
    onWake,
    onStorageChanged: both(settingsEffects({ db, now, syncNow }), crossDevice.onStorageChanged),
    onInstalled: () => syncNow(),
    onStartup: () => syncNow(),
    // The alarms are the retry schedule: they skip a backoff wait, never a rate limit.
    onAlarm: (alarm: Browser.alarms.Alarm) => (isSyncAlarm(alarm.name) ? syncNow(true) : undefined),
    syncFeed,
    rankForYou,
    onMessage: routeMessages({ syncNow: () => syncNow(true), syncFeed, flagsChanged: crossDevice.onLocalChange, rankForYou, indexSearch: () => indexNewPapers(db) }),
  };
}

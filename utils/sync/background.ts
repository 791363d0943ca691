import { browser, type Browser } from 'wxt/browser';
import { ensureBundled } from '../data/bundled';
import type { PaperboyDb } from '../data/db';
import { pruneAsSet, pruneIfDue } from '../data/retention';
import { getSyncStatus, type SyncStatus } from '../data/sync-status';
import { createQueue, createShared } from '../lib/serial';
import { notifyMatches } from '../notify/notify';
import { refreshBadge } from '../platform/badge';
import { readSetting } from '../settings/settings';
import type { PeriodFeed } from '../views/view-id';
import { isSyncAlarm, restoreAlarms, scheduleRetry } from './alarms';
import { isWorkerMessage } from './messages';
import type { FeedSyncResult } from './period-sync';
import { createCrossDevice } from './cross-device/pacer';
import { settingsEffects } from './settings-effects';
import { createSync, type SyncDeps } from './sync';
import { createForYouRanker } from './for-you-job';
import { getRules } from '../settings/settings';
import { getForYouRanking } from '../data/for-you-store';


type StorageListener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => unknown;

/** One `storage.onChanged` listener that runs two. */
function both(a: StorageListener, b: StorageListener) {
  return async (changes: Record<string, Browser.storage.StorageChange>, area: string): Promise<void> => {
    await Promise.all([a(changes, area), b(changes, area)]);
  };
}

/** What each page message asks the background for; anything else is not for it (undefined). */
function routeMessages(handlers: { syncNow: () => Promise<SyncStatus>; syncFeed: (feed: PeriodFeed) => Promise<FeedSyncResult>; flagsChanged: () => void; rankForYou: () => Promise<unknown> }) {
  return (message: unknown) => {
    if (!isWorkerMessage(message)) return undefined;
    if (message.type === 'flags-changed') return void handlers.flagsChanged();
    if (message.type === 'rank-for-you') return handlers.rankForYou();
    return message.type === 'sync-feed' ? handlers.syncFeed(message.feed) : handlers.syncNow();
  };
}

/**
 * What follows a sync that stored papers: a notification about new matches, retention when due,
 * and For you ranked again once the user has opened it (until then nobody needs it ranked).
 */
async function afterStoredSync(db: PaperboyDb, now: number, rankForYou: () => Promise<unknown>): Promise<void> {
  await notifyMatches(db, now).catch((error) => console.error('Paperboy: notification failed', error));
  await pruneIfDue(db, now).catch((error) => console.error('Paperboy: retention failed', error));
  if (await getForYouRanking(db).catch(() => undefined)) void rankForYou();
}

/** What the background does for each event; the entrypoint only wires events to it. */
export function createWorker(deps: Omit<SyncDeps, 'makeRoom'>) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sync = createSync({ liveFeeds: () => readSetting('liveFeeds'), ...deps, makeRoom: () => pruneAsSet(db, now()) });
  // Jobs that write the sync status run one after another, so none overwrites another's outcome.
  const serial = createQueue();
  const syncing = createShared<'sync', SyncStatus>();
  const fetchingFeed = createShared<PeriodFeed, FeedSyncResult>();
  const rankForYou = createForYouRanker(db, now, getRules);
  const crossDevice = createCrossDevice({ db, now, area: () => browser.storage.sync });

  async function syncJob(force: boolean): Promise<SyncStatus> {
    await ensureBundled(db, now()).catch(() => false);
    const { status, ran } = await sync.run({ force });
    await refreshBadge(db);
    if (!ran) return status;
    await scheduleRetry(status, now());
    if (status.lastSuccessAt === status.lastAttemptAt) await afterStoredSync(db, now(), rankForYou);
    return status;
  }

  /**
   * One sync at a time; callers that arrive meanwhile share its outcome. `force` skips a backoff
   * wait (never a rate limit). After a stored sync, retention runs if due.
   */
  function syncNow(force = false): Promise<SyncStatus> {
    return syncing('sync', () => serial(() => syncJob(force)));
  }

  /** Fetches an on-demand feed (never counted by the badge); a second ask meanwhile shares it. */
  function syncFeed(feed: PeriodFeed): Promise<FeedSyncResult> {
    return fetchingFeed(feed, () => serial(() => sync.runFeed(feed)));
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
    onMessage: routeMessages({ syncNow: () => syncNow(true), syncFeed, flagsChanged: crossDevice.onLocalChange, rankForYou }),
  };
}

import { browser, type Browser } from 'wxt/browser';
import { refreshBadge } from '../platform/badge';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES, SYNC_PERIOD_MS } from './schedule';
import { isWorkerMessage } from './messages';
import { getSyncStatus, type SyncStatus } from '../data/sync-status';
import { pruneAsSet, pruneIfDue } from '../data/retention';
import { ensureBundled } from '../data/bundled';
import type { PeriodFeed } from '../views/view-id';
import type { FeedSyncResult } from './period-sync';
import { createSync, type SyncDeps } from './sync';

/** A recreated periodic alarm whose sync is already due fires this soon, not a period later. */
const DUE_ALARM_DELAY_MS = 60_000;

/** What the background worker does for each event; the entrypoint only wires events to it. */
export function createWorker(deps: Omit<SyncDeps, 'makeRoom'>) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sync = createSync({ ...deps, makeRoom: () => pruneAsSet(db, now()) });
  let running: Promise<SyncStatus> | undefined;
  // Jobs that write the sync status run one after another, so none overwrites another's outcome.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  }

  /**
   * One sync at a time in this worker; callers that arrive meanwhile share its outcome. `force`
   * skips a backoff wait (never a rate limit). After a stored sync, retention runs if due.
   */
  function syncNow(force = false): Promise<SyncStatus> {
    running ??= serial(async () => {
      try {
        await ensureBundled(db, now()).catch(() => false);
        const { status, ran } = await sync.run({ force });
        await refreshBadge(db);
        if (!ran) return status;
        await scheduleRetry(status);
        const stored = status.lastSuccessAt === status.lastAttemptAt;
        if (stored) await pruneIfDue(db, now()).catch((error) => console.error('Paperboy: retention failed', error));
        return status;
      } finally {
        running = undefined;
      }
    });
    return running;
  }

  const feedsRunning = new Map<PeriodFeed, Promise<FeedSyncResult>>();
  /** Fetches an on-demand feed (never counted by the badge); a second ask meanwhile shares it. */
  function syncFeed(feed: PeriodFeed): Promise<FeedSyncResult> {
    let job = feedsRunning.get(feed);
    if (!job) {
      job = serial(() => sync.runFeed(feed)).finally(() => feedsRunning.delete(feed));
      feedsRunning.set(feed, job);
    }
    return job;
  }

  /** The retry alarm follows the stored status: set while an early retry is due, else cleared. */
  async function scheduleRetry(status: SyncStatus): Promise<void> {
    if (status.nextAttemptAt === undefined) await browser.alarms.clear(RETRY_ALARM);
    else await browser.alarms.create(RETRY_ALARM, { when: Math.max(status.nextAttemptAt, now() + 1000) });
  }

  /**
   * Every start of the worker: both alarms exist as the stored status says, the badge is right,
   * and a sync runs at once if one was killed halfway, a retry was missed, or the periodic sync
   * is overdue by more than a period (the browser was closed, or lost the alarm).
   */
  async function onWake(): Promise<void> {
    const status = await getSyncStatus(db);
    const [alarm, retry] = await Promise.all([browser.alarms.get(SYNC_ALARM), browser.alarms.get(RETRY_ALARM)]);
    const due = (status.lastAttemptAt ?? now()) + SYNC_PERIOD_MS;
    if (!alarm) await browser.alarms.create(SYNC_ALARM, { when: Math.max(due, now() + DUE_ALARM_DELAY_MS), periodInMinutes: SYNC_PERIOD_MINUTES });
    const next = status.nextAttemptAt;
    const retryLost = next !== undefined && !retry;
    if (retryLost && next > now()) await scheduleRetry(status);
    await refreshBadge(db);
    const overdue = now() - due > SYNC_PERIOD_MS;
    const retryMissed = retryLost && next <= now();
    if (overdue || retryMissed || status.pendingSince !== undefined) await syncNow();
  }

  return {
    syncNow,
    onWake,
    onInstalled: () => syncNow(),
    onStartup: () => syncNow(),
    // The alarms are the retry schedule: they skip a backoff wait, never a rate limit.
    onAlarm: (alarm: Browser.alarms.Alarm) => {
      if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) return syncNow(true);
      return undefined;
    },
    syncFeed,
    onMessage: (message: unknown) => {
      if (!isWorkerMessage(message)) return undefined;
      return message.type === 'sync-feed' ? syncFeed(message.feed) : syncNow(true);
    },
  };
}

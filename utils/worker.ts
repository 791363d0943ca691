import { browser, type Browser } from 'wxt/browser';
import { refreshBadge } from './badge';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES } from './config';
import type { PaperboyDb } from './db';
import { isWorkerMessage } from './messages';
import { getSyncStatus, type SyncStatus } from './papers';
import { ensureSnapshot } from './snapshot';
import { createSync, MAX_EARLY_RETRIES, type FeedSyncResult, type SyncDeps } from './sync';
import type { PeriodFeed } from './hf-periods';

const PERIOD_MS = SYNC_PERIOD_MINUTES * 60_000;

/** What the background worker does for each event; the entrypoint only wires events to it. */
export function createWorker(deps: SyncDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sync = createSync(deps);
  let running: Promise<SyncStatus> | undefined;
  // Jobs that write the sync status run one after another, so none overwrites another's outcome.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  }

  /** One sync at a time in this worker; callers that arrive meanwhile share its outcome. */
  function syncNow(force = false): Promise<SyncStatus> {
    running ??= serial(async () => {
      try {
        await ensureSnapshot(db, now()).catch(() => false);
        const { status, ran } = await sync.run({ force });
        await refreshBadge(db);
        if (ran) await scheduleRetry(status);
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

  async function scheduleRetry(status: SyncStatus): Promise<void> {
    const { nextAttemptAt, failures = 0 } = status;
    if (nextAttemptAt === undefined) {
      await browser.alarms.clear(RETRY_ALARM);
    } else if (failures <= MAX_EARLY_RETRIES || status.lastError?.kind === 'rate-limited') {
      await browser.alarms.create(RETRY_ALARM, { when: Math.max(nextAttemptAt, now() + 1000) });
    }
  }

  /** Every start of the worker: the alarm exists, the badge is right, an overdue sync runs. */
  async function onWake(): Promise<void> {
    const alarm = await browser.alarms.get(SYNC_ALARM);
    if (!alarm) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
    await refreshBadge(db);
    const status = await getSyncStatus(db);
    const overdue = status.lastAttemptAt !== undefined && now() - status.lastAttemptAt > PERIOD_MS * 1.5;
    if (overdue || status.pendingSince !== undefined) await syncNow();
  }

  return {
    syncNow,
    onWake,
    onInstalled: () => syncNow(),
    onStartup: () => syncNow(),
    onAlarm: (alarm: Browser.alarms.Alarm) => {
      if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) return syncNow();
      return undefined;
    },
    syncFeed,
    onMessage: (message: unknown) => {
      if (!isWorkerMessage(message)) return undefined;
      return message.type === 'sync-feed' ? syncFeed(message.feed) : syncNow(true);
    },
  };
}

import type { PaperboyDb } from '../data/db';
import { applySync, type FeedFetch } from '../data/feed-store';
import { getSyncStatus, putSyncStatus, type SyncStatus } from '../data/sync-status';
import type { LiveFeed, PeriodFeed } from '../views/view-id';
import { FETCH_TIMEOUT_MS, fetchHfFeed, SyncError, type HfFetchDeps } from './hf-fetch';
import { outcome, storageMessage, withRoom } from './outcome';
import { syncPeriodFeed } from './period-sync';

/** The HF lists Paperboy keeps, and where each comes from. */
export const FEED_PATHS: Record<LiveFeed, string> = {
  'hf-daily': '/api/daily_papers?limit=100',
  'hf-trending': '/api/daily_papers?sort=trending&limit=50',
};

export interface SyncDeps {
  db: PaperboyDb;
  fetch: typeof fetch;
  hfOrigin: string;
  /** Whether the browser still lets Paperboy reach `hfOrigin` (the user can withdraw it). */
  hasHostAccess?: () => Promise<boolean>;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
  /** Frees space (retention) when a write hits the storage quota; returns how many papers went. */
  makeRoom?: () => Promise<number>;
  /** The live feeds the user keeps (the `liveFeeds` setting); all of them when not given. */
  liveFeeds?: () => Promise<readonly LiveFeed[]>;
}

/** What one sync did, for the background to follow up on (badge, retry alarm). */
export interface SyncResult {
  status: SyncStatus;
  /** False when the sync did not run because a wait (rate limit or backoff) was still on. */
  ran: boolean;
}

/** Fetches the given live feeds in turn; the first failure is kept, and a 429 stops the rest. */
async function fetchLiveFeeds(deps: HfFetchDeps, feeds: readonly LiveFeed[]): Promise<{ fetched: FeedFetch[]; failure?: SyncError }> {
  const fetched: FeedFetch[] = [];
  let failure: SyncError | undefined;
  for (const feed of feeds) {
    try {
      fetched.push(await fetchHfFeed(deps, feed, FEED_PATHS[feed]));
    } catch (error) {
      failure ??= error instanceof SyncError ? error : new SyncError('bad-body', String(error));
      // After a 429 no further request goes out before the allowed time.
      if (failure.kind === 'rate-limited') break;
    }
  }
  return { fetched, failure };
}

const ALL_FEEDS = Object.keys(FEED_PATHS) as LiveFeed[];
const allFeeds = () => Promise.resolve(ALL_FEEDS);

/** Builds the sync with its network, clock and database injected. */
export function createSync({ db, makeRoom, liveFeeds = allFeeds, now = Date.now, random = Math.random, timeoutMs = FETCH_TIMEOUT_MS, ...net }: SyncDeps) {
  const fetchDeps: HfFetchDeps = { ...net, now, timeoutMs };

  /**
   * A write failed and its transaction rolled back: papers, feeds and the last success are as
   * they were. The failure is recorded if the database still takes that much, and returned
   * either way, so "Sync now" can show it.
   */
  async function recordStorageFailure(before: SyncStatus, start: number, error: unknown): Promise<SyncResult> {
    const status = outcome(before, start, false, new SyncError('storage', storageMessage(error)), random);
    await putSyncStatus(db, status).catch((reason) => console.error('Paperboy: could not record the sync status', reason));
    return { status, ran: true };
  }

  /**
   * Fetches every feed (outside any transaction), then stores what arrived in one transaction.
   * A feed that fails changes nothing stored. A rate limit holds back every request, "Sync now"
   * included, until its time, even across restarts (it is stored); `force` (the user's "Sync
   * now", the alarms that are the retry schedule) skips only a backoff wait.
   */
  async function run({ force = false } = {}): Promise<SyncResult> {
    const before = await getSyncStatus(db);
    const start = now();
    if ((before.rateLimitedUntil ?? 0) > start) return { status: before, ran: false };
    if (!force && (before.nextAttemptAt ?? 0) > start) return { status: before, ran: false };
    // Marks the sync as under way: if the browser kills the background before it is stored, the
    // next wake-up sees the mark and runs it again. Nothing is fetched that could not be stored.
    try {
      await withRoom(() => putSyncStatus(db, { ...before, pendingSince: start }), makeRoom);
    } catch (error) {
      return recordStorageFailure(before, start, error);
    }
    const wanted = await liveFeeds();
    const { fetched, failure } = await fetchLiveFeeds(fetchDeps, ALL_FEEDS.filter((feed) => wanted.includes(feed)));
    const status = outcome(before, start, fetched.length > 0, failure, random);
    try {
      await withRoom(() => applySync(db, fetched, status, start), makeRoom);
    } catch (error) {
      return recordStorageFailure(before, start, error);
    }
    return { status: await getSyncStatus(db), ran: true };
  }

  return { run, runFeed: (feed: PeriodFeed) => syncPeriodFeed(db, { ...fetchDeps, random }, feed) };
}

import type { PaperboyDb } from '../data/db';
import type { FeedId, LiveFeed, PeriodFeed } from '../views/view-id';
import { applySync, type FeedFetch } from '../data/feed-store';
import { getSyncStatus, putSyncStatus, type SyncErrorKind, type SyncStatus } from '../data/sync-status';
import { backoffDelay, MAX_RATE_LIMIT_WAIT_MS, retryAfterMs } from './retry';
import { formatWait } from '../lib/format';
import { parseDailyPapers, type ParsedPaper } from './sources/hf';
import { PERIOD_MAX_PAGES, PERIOD_PAGE_SIZE, periodPath } from './periods';

export const FETCH_TIMEOUT_MS = 20_000;
/** Failed syncs retried early (with backoff) before waiting for the periodic alarm. */
export const MAX_EARLY_RETRIES = 3;
/** A 429 that does not say how long to wait backs off from HF's 5-minute rate-limit window. */
export const RATE_LIMIT_BASE_MS = 5 * 60_000;
export { MAX_RATE_LIMIT_WAIT_MS };

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
}

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** With a 429: the wait HF asked for, when its headers said. */
    readonly askedWaitMs?: number,
  ) {
    super(message);
  }
}

/** What one sync did, for the worker to follow up on (badge, retry alarm). */
export interface SyncResult {
  status: SyncStatus;
  /** False when the sync did not run because a wait (rate limit or backoff) was still on. */
  ran: boolean;
}

/** What fetching one on-demand feed did; `error` in plain words when it failed or had to wait. */
export interface FeedSyncResult {
  status: SyncStatus;
  ran: boolean;
  error?: { kind: SyncErrorKind; message: string };
}

/** Builds the sync with its network, clock and database injected. */
export function createSync({ db, fetch, hfOrigin, hasHostAccess, now = Date.now, random = Math.random, timeoutMs = FETCH_TIMEOUT_MS, makeRoom }: SyncDeps) {
  async function fetchFeed(feed: FeedId, path: string): Promise<FeedFetch> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetch(`${hfOrigin}${path}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (error) {
        if (controller.signal.aborted) throw new SyncError('timeout', `Hugging Face did not answer within ${Math.round(timeoutMs / 1000)} s`);
        // A withdrawn site permission fails like a network error; say which it is.
        if (hasHostAccess && !(await hasHostAccess().catch(() => true))) {
          throw new SyncError('permission', `Paperboy may not reach ${new URL(hfOrigin).host}: click “Sync now” to allow it`);
        }
        throw new SyncError('offline', `Could not reach Hugging Face (${(error as Error).message || 'network error'})`);
      }
      if (response.status === 429) {
        const asked = retryAfterMs(response.headers, now());
        const message = asked === undefined ? 'Hugging Face is limiting requests' : `Hugging Face asked us to wait ${formatWait(asked)}`;
        throw new SyncError('rate-limited', message, asked);
      }
      if (response.status >= 500) throw new SyncError('server', `Hugging Face had a server error (HTTP ${response.status})`);
      if (!response.ok) throw new SyncError('http', `Hugging Face refused the request (HTTP ${response.status})`);
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch (error) {
        if (controller.signal.aborted) throw new SyncError('timeout', `Hugging Face did not finish answering within ${Math.round(timeoutMs / 1000)} s`);
        throw new SyncError('bad-body', 'Hugging Face sent something that is not valid JSON');
      }
      const parsed = parseDailyPapers(body, hfOrigin);
      if (!parsed.ok) throw new SyncError('bad-body', `Hugging Face sent an unexpected answer: ${parsed.reason}`);
      if (parsed.papers.length === 0 && parsed.skipped > 0) {
        throw new SyncError('bad-body', `None of the ${parsed.skipped} papers Hugging Face sent could be read`);
      }
      return { feed, papers: parsed.papers, skipped: parsed.skipped };
    } finally {
      clearTimeout(timer);
    }
  }

  /** How long to wait after a failed attempt; undefined hands over to the periodic alarm. */
  function waitAfter(failure: SyncError, failures: number): number | undefined {
    if (failure.kind === 'rate-limited') {
      // Never before the time HF asked for; a repeated 429, or one asking for no wait at all,
      // still backs off exponentially, so a misbehaving header cannot cause a retry storm.
      if (failure.askedWaitMs === undefined) return backoffDelay(failures, random, RATE_LIMIT_BASE_MS);
      return Math.max(Math.min(failure.askedWaitMs, MAX_RATE_LIMIT_WAIT_MS), backoffDelay(failures, random));
    }
    return failures <= MAX_EARLY_RETRIES ? backoffDelay(failures, random) : undefined;
  }

  /**
   * Fetches every feed (outside any transaction), then stores what arrived in one transaction.
   * A feed that fails changes nothing stored. A rate limit holds back every request, "Sync now"
   * included, until its time, even across worker restarts (it is stored); `force` (the user's
   * "Sync now", the alarms that are the retry schedule) skips only a backoff wait.
   */
  async function run({ force = false } = {}): Promise<SyncResult> {
    const before = await getSyncStatus(db);
    const start = now();
    if ((before.rateLimitedUntil ?? 0) > start) return { status: before, ran: false };
    if (!force && (before.nextAttemptAt ?? 0) > start) return { status: before, ran: false };

    // Marks the sync as under way: if the browser kills the worker before it is stored, the
    // next wake-up sees the mark and runs it again. Nothing is fetched that could not be stored.
    try {
      await withRoom(() => putSyncStatus(db, { ...before, pendingSince: start }));
    } catch (error) {
      return { status: await recordStorageFailure(before, start, error), ran: true };
    }
    const fetched: FeedFetch[] = [];
    let failure: SyncError | undefined;
    for (const [feed, path] of Object.entries(FEED_PATHS) as [LiveFeed, string][]) {
      try {
        fetched.push(await fetchFeed(feed, path));
      } catch (error) {
        failure ??= error instanceof SyncError ? error : new SyncError('bad-body', String(error));
        // After a 429 no further request goes out before the allowed time.
        if (failure.kind === 'rate-limited') break;
      }
    }

    const status = outcome(before, start, fetched.length > 0, failure);
    try {
      await withRoom(() => applySync(db, fetched, status, start));
    } catch (error) {
      return { status: await recordStorageFailure(before, start, error), ran: true };
    }
    return { status: await getSyncStatus(db), ran: true };
  }

  /**
   * A write failed and its transaction rolled back: papers, feeds and the last success are as
   * they were. The failure is recorded if the database still takes that much, and returned
   * either way, so "Sync now" can show it.
   */
  async function recordStorageFailure(before: SyncStatus, start: number, error: unknown): Promise<SyncStatus> {
    const status = outcome(before, start, false, new SyncError('storage', storageMessage(error)));
    await putSyncStatus(db, status).catch((reason) => console.error('Paperboy: could not record the sync status', reason));
    return status;
  }

  function outcome(before: SyncStatus, start: number, stored: boolean, failure: SyncError | undefined): SyncStatus {
    const failures = failure ? (before.failures ?? 0) + 1 : 0;
    const wait = failure ? waitAfter(failure, failures) : undefined;
    const next = wait === undefined ? undefined : start + wait;
    return {
      ...before,
      pendingSince: undefined,
      lastAttemptAt: start,
      lastSuccessAt: stored ? start : before.lastSuccessAt,
      lastError: failure ? { kind: failure.kind, message: failure.message, at: start } : undefined,
      failures,
      nextAttemptAt: next,
      rateLimitedUntil: failure?.kind === 'rate-limited' ? next : undefined,
    };
  }

  /** Runs a write; when it hits the storage quota, lets retention free space and tries once more. */
  async function withRoom(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isQuotaError(error) || !makeRoom) throw error;
      const freed = await makeRoom().catch(() => 0);
      if (freed === 0) throw error;
      await write();
    }
  }

  /**
   * Fetches one on-demand feed (this week's or this month's featured papers, page by page) and
   * stores it; the badge's live feeds are untouched. A rate-limit wait stored by any sync is
   * honoured, and a 429 here is stored so the periodic sync honours it too. All or nothing.
   */
  async function runFeed(feed: PeriodFeed): Promise<FeedSyncResult> {
    const before = await getSyncStatus(db);
    const start = now();
    if ((before.rateLimitedUntil ?? 0) > start) {
      const message = `Hugging Face asked us to wait; next try in ${formatWait(before.rateLimitedUntil! - start)}`;
      return { status: before, ran: false, error: { kind: 'rate-limited', message } };
    }
    const byId = new Map<string, ParsedPaper>();
    let skipped = 0;
    try {
      for (let page = 0; page < PERIOD_MAX_PAGES[feed]; page++) {
        const fetched = await fetchFeed(feed, periodPath(feed, start, page));
        for (const paper of fetched.papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
        skipped += fetched.skipped;
        // HF answers past the last page with [] and fills a page before starting the next.
        if (fetched.papers.length + fetched.skipped < PERIOD_PAGE_SIZE) break;
      }
    } catch (error) {
      const failure = error instanceof SyncError ? error : new SyncError('bad-body', String(error));
      if (failure.kind !== 'rate-limited') return { status: before, ran: true, error: { kind: failure.kind, message: failure.message } };
      const failures = (before.failures ?? 0) + 1;
      const until = start + (waitAfter(failure, failures) ?? RATE_LIMIT_BASE_MS);
      // The same stored wait as the main sync's: no request of any kind before it ends.
      const status: SyncStatus = {
        ...before,
        lastError: { kind: failure.kind, message: failure.message, at: start },
        failures,
        nextAttemptAt: until,
        rateLimitedUntil: until,
      };
      await putSyncStatus(db, status);
      return { status, ran: true, error: { kind: failure.kind, message: failure.message } };
    }
    try {
      await applySync(db, [{ feed, papers: [...byId.values()], skipped }], before, start);
    } catch (error) {
      return { status: before, ran: true, error: { kind: 'storage', message: storageMessage(error) } };
    }
    return { status: await getSyncStatus(db), ran: true };
  }

  return { run, runFeed };
}

/** Whether a (possibly Dexie-wrapped) storage error is the quota running out. */
export function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown })?.inner, ...((error as { failures?: unknown[] })?.failures ?? [])].map(
    (e) => (e as { name?: unknown } | undefined)?.name,
  );
  return names.includes('QuotaExceededError');
}

function storageMessage(error: unknown): string {
  if (isQuotaError(error)) return 'The browser is out of storage space for Paperboy; nothing was changed';
  const name = (error as { inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name;
  return `Saving the papers failed (${name ?? 'unknown error'}); nothing was changed`;
}

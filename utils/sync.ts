import type { FeedId, PaperboyDb } from './db';
import { applySync, getSyncStatus, putSyncStatus, type FeedFetch, type SyncErrorKind, type SyncStatus } from './papers';
import { backoffDelay, retryAfterMs } from './retry';
import { formatWait } from './format';
import { parseDailyPapers, type ParsedPaper } from './sources/hf';
import { PERIOD_MAX_PAGES, PERIOD_PAGE_SIZE, periodPath, type PeriodFeed } from './hf-periods';

export const FETCH_TIMEOUT_MS = 20_000;
/** Failed syncs retried early (with backoff) before waiting for the periodic alarm. */
export const MAX_EARLY_RETRIES = 3;
/** When HF gives no wait time with a 429. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5 * 60_000;

/** The HF lists Paperboy keeps, and where each comes from. */
export const FEED_PATHS: Partial<Record<FeedId, string>> = {
  'hf-daily': '/api/daily_papers?limit=100',
  'hf-trending': '/api/daily_papers?sort=trending&limit=50',
};

export interface SyncDeps {
  db: PaperboyDb;
  fetch: typeof fetch;
  hfOrigin: string;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
}

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly waitMs?: number,
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
export function createSync({ db, fetch, hfOrigin, now = Date.now, random = Math.random, timeoutMs = FETCH_TIMEOUT_MS }: SyncDeps) {
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
        throw new SyncError('offline', `Could not reach Hugging Face (${(error as Error).message || 'network error'})`);
      }
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers, now()) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
        throw new SyncError('rate-limited', `Hugging Face asked us to wait ${formatWait(wait)}`, wait);
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

  /**
   * Fetches every feed (outside any transaction), then stores what arrived in one transaction.
   * A feed that fails changes nothing stored; a wait HF asked for is kept even across restarts.
   * `force` (the user's "Sync now") skips a backoff wait but never a rate limit.
   */
  async function run({ force = false } = {}): Promise<SyncResult> {
    const before = await getSyncStatus(db);
    const start = now();
    const waitUntil = before.nextAttemptAt ?? 0;
    const rateLimited = before.lastError?.kind === 'rate-limited';
    if (waitUntil > start && (rateLimited || !force)) return { status: before, ran: false };

    await putSyncStatus(db, { ...before, pendingSince: start });
    const fetched: FeedFetch[] = [];
    let failure: SyncError | undefined;
    for (const [feed, path] of Object.entries(FEED_PATHS) as [FeedId, string][]) {
      try {
        fetched.push(await fetchFeed(feed, path));
      } catch (error) {
        failure ??= error instanceof SyncError ? error : new SyncError('bad-body', String(error));
        // After a 429 no further request goes out before the allowed time.
        if (failure.kind === 'rate-limited') break;
      }
    }

    const failures = failure ? (before.failures ?? 0) + 1 : 0;
    const status: SyncStatus = {
      ...before,
      pendingSince: undefined,
      lastAttemptAt: start,
      lastSuccessAt: fetched.length > 0 ? start : before.lastSuccessAt,
      lastError: failure ? { kind: failure.kind, message: failure.message, at: start } : undefined,
      failures,
      nextAttemptAt: failure
        ? start + (failure.waitMs ?? backoffDelay(failures, random))
        : undefined,
    };
    try {
      await applySync(db, fetched, status, start);
    } catch (error) {
      // Quota or an aborted write: the transaction rolled back, so stored data is as it was.
      const storageStatus: SyncStatus = {
        ...status,
        lastSuccessAt: before.lastSuccessAt,
        lastError: { kind: 'storage', message: storageMessage(error), at: start },
        feeds: before.feeds,
      };
      await putSyncStatus(db, storageStatus).catch(() => undefined);
      return { status: storageStatus, ran: true };
    }
    return { status: await getSyncStatus(db), ran: true };
  }

  /**
   * Fetches one on-demand feed (this week's or this month's featured papers, page by page) and
   * stores it; the badge's live feeds are untouched. A rate-limit wait stored by any sync is
   * honoured, and a 429 here is stored so the periodic sync honours it too. All or nothing.
   */
  async function runFeed(feed: PeriodFeed): Promise<FeedSyncResult> {
    const before = await getSyncStatus(db);
    const start = now();
    if ((before.nextAttemptAt ?? 0) > start && before.lastError?.kind === 'rate-limited') {
      const message = `Hugging Face asked us to wait; next try in ${formatWait(before.nextAttemptAt! - start)}`;
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
      const status: SyncStatus = {
        ...before,
        lastError: { kind: failure.kind, message: failure.message, at: start },
        nextAttemptAt: start + (failure.waitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS),
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

function storageMessage(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name;
  if (name === 'QuotaExceededError') return 'The browser is out of storage space for Paperboy; nothing was changed';
  return `Saving the papers failed (${name ?? 'unknown error'}); nothing was changed`;
}

import type { FeedId, PaperboyDb } from './db';
import { applySync, getSyncStatus, putSyncStatus, type FeedFetch, type SyncErrorKind, type SyncStatus } from './papers';
import { backoffDelay, retryAfterMs } from './retry';
import { formatWait } from './format';
import { parseDailyPapers } from './sources/hf';

export const FETCH_TIMEOUT_MS = 20_000;
/** Failed syncs retried early (with backoff) before waiting for the periodic alarm. */
export const MAX_EARLY_RETRIES = 3;
/** HF's fixed rate-limit window (`RateLimit-Policy: …;w=300`). */
const RATE_LIMIT_WINDOW_MS = 5 * 60_000;

/** The HF lists Paperboy keeps, and where each comes from. */
export const FEED_PATHS: Partial<Record<FeedId, string>> = {
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

/** Builds the sync with its network, clock and database injected. */
export function createSync({ db, fetch, hfOrigin, hasHostAccess, now = Date.now, random = Math.random, timeoutMs = FETCH_TIMEOUT_MS }: SyncDeps) {
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
        const wait = retryAfterMs(response.headers, now());
        if (wait === undefined) throw new SyncError('rate-limited', 'Hugging Face asked us to slow down');
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
        ? start + (failure.waitMs ?? retryDelay(failure.kind, failures, random))
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

  return { run };
}

/**
 * Exponential backoff with jitter. A 429 that names no wait backs off from a full rate-limit
 * window (5–10 min, then 10–20 min, … up to an hour) rather than polling at a fixed pace.
 */
function retryDelay(kind: SyncErrorKind, failures: number, random: () => number): number {
  return kind === 'rate-limited' ? backoffDelay(failures, random, 2 * RATE_LIMIT_WINDOW_MS) : backoffDelay(failures, random);
}

function storageMessage(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name;
  if (name === 'QuotaExceededError') return 'The browser is out of storage space for Paperboy; nothing was changed';
  return `Saving the papers failed (${name ?? 'unknown error'}); nothing was changed`;
}
